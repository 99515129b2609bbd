// Kokkos reference of convex_hull_perimeter: Akl-Toussaint octagon filter, chunked LSD radix sort by x and monotone chains per chunk (parallel_for passes over host-thread chunks), then the chunks' chains merged by walking the bridges.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace {

using Exec = Kokkos::DefaultHostExecutionSpace;
using Policy = Kokkos::RangePolicy<Exec>;

struct Rec {
    std::uint64_t key;  // order-preserving image of x
    double y;
};

struct Pt {
    double x, y;
};

constexpr std::uint64_t SIGN = std::uint64_t(1) << 63;
constexpr int DIGITS = 4, BITS = 16;
constexpr std::size_t RADIX = std::size_t(1) << BITS, MASK = RADIX - 1;

// -0.0 is keyed as +0.0, so equal x values always share a key (and their run is sorted by y).
inline std::uint64_t key_of(double x) {
    if (x == 0.0) x = 0.0;
    std::uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return (b & SIGN) ? ~b : (b | SIGN);
}

inline double x_of(std::uint64_t k) {
    const std::uint64_t b = (k & SIGN) ? (k ^ SIGN) : ~k;
    double x;
    std::memcpy(&x, &b, sizeof x);
    return x;
}

inline double cross(const Pt &o, const Pt &a, const Pt &b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

inline double dist(const Pt &a, const Pt &b) {
    return std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
}

// Indices of the extreme points of [lo, hi) in eight directions, counter-clockwise from the leftmost:
// min x, min x + y, min y, max x - y, max x, max x + y, max y, min x - y.
void extremes(const double *x, const double *y, std::size_t lo, std::size_t hi, std::size_t ext[8]) {
    for (int e = 0; e < 8; ++e) ext[e] = lo;
    for (std::size_t i = lo + 1; i < hi; ++i) {
        const double xi = x[i], yi = y[i];
        if (xi < x[ext[0]]) ext[0] = i;
        if (xi + yi < x[ext[1]] + y[ext[1]]) ext[1] = i;
        if (yi < y[ext[2]]) ext[2] = i;
        if (xi - yi > x[ext[3]] - y[ext[3]]) ext[3] = i;
        if (xi > x[ext[4]]) ext[4] = i;
        if (xi + yi > x[ext[5]] + y[ext[5]]) ext[5] = i;
        if (yi > y[ext[6]]) ext[6] = i;
        if (xi - yi < x[ext[7]] - y[ext[7]]) ext[7] = i;
    }
}

// A chunk's hull chain and the prefix lengths of its polyline (len[i]: length of p[0 .. i]).
struct Chain {
    std::vector<Pt> p;
    std::vector<double> len;
};

// Lower (sign = +1: strict left turns kept) or upper (sign = -1) chain of sorted points, with lengths.
void build_chain(const Rec *r, std::size_t lo, std::size_t hi, double sign, Chain &c) {
    c.p.clear();
    for (std::size_t i = lo; i < hi; ++i) {
        const Pt q{x_of(r[i].key), r[i].y};
        while (c.p.size() >= 2 && sign * cross(c.p[c.p.size() - 2], c.p.back(), q) <= 0.0) c.p.pop_back();
        c.p.push_back(q);
    }
    c.len.resize(c.p.size());
    double s = 0.0;
    for (std::size_t i = 0; i < c.p.size(); ++i) {
        if (i > 0) s += dist(c.p[i - 1], c.p[i]);
        c.len[i] = s;
    }
}

// Piece chains[t].p[s .. e] (inclusive) of a merged chain.
struct Piece {
    std::size_t t, s, e;
};

// Length of the hull chain of the concatenated chunk chains (x-sorted, convex, in x order). At each
// junction the merged tail gives up points while it does not turn strictly towards the next chain's
// head, and the head moves on while tail, head and the point after it do not turn strictly; both
// repeat until neither moves. Piece lengths come from the prefix sums, plus the bridges.
double merged_length(const std::vector<Chain> &chains, double sign) {
    std::vector<Piece> m;
    std::size_t count = 0;
    auto from_end = [&](std::size_t back) -> const Pt & {  // back = 0: the last point of m
        std::size_t k = m.size() - 1;
        while (back > m[k].e - m[k].s) {
            back -= m[k].e - m[k].s + 1;
            --k;
        }
        return chains[m[k].t].p[m[k].e - back];
    };
    for (std::size_t t = 0; t < chains.size(); ++t) {
        const std::vector<Pt> &c = chains[t].p;
        if (c.empty()) continue;
        std::size_t j = 0;
        bool moved = count > 0;
        while (moved) {
            moved = false;
            while (count >= 2 && sign * cross(from_end(1), from_end(0), c[j]) <= 0.0) {
                if (m.back().e == m.back().s) m.pop_back();
                else --m.back().e;
                --count;
                moved = true;
            }
            while (j + 1 < c.size() && sign * cross(from_end(0), c[j], c[j + 1]) <= 0.0) {
                ++j;
                moved = true;
            }
        }
        m.push_back(Piece{t, j, c.size() - 1});
        count += c.size() - j;
    }
    double total = 0.0;
    for (std::size_t k = 0; k < m.size(); ++k) {
        const Chain &c = chains[m[k].t];
        total += c.len[m[k].e] - c.len[m[k].s];
        if (k + 1 < m.size()) total += dist(c.p[m[k].e], chains[m[k + 1].t].p[m[k + 1].s]);
    }
    return total;
}

// Radix-sort passes over T chunks of m records; hist holds T rows of DIGITS * RADIX counts.
struct RadixPass {
    std::size_t m, T;
    std::size_t *hist;
    std::size_t lo(std::size_t t) const { return m * t / T; }
    std::size_t hi(std::size_t t) const { return m * (t + 1) / T; }
    void count_all(std::size_t t, const Rec *src) const {
        std::size_t *h = hist + t * DIGITS * RADIX;
        std::fill(h, h + DIGITS * RADIX, std::size_t(0));
        for (std::size_t i = lo(t), e = hi(t); i < e; ++i)
            for (int d = 0; d < DIGITS; ++d) ++h[static_cast<std::size_t>(d) * RADIX + ((src[i].key >> (BITS * d)) & MASK)];
    }
    void count_digit(std::size_t t, int d, const Rec *src) const {
        std::size_t *h = hist + t * DIGITS * RADIX + static_cast<std::size_t>(d) * RADIX;
        std::fill(h, h + RADIX, std::size_t(0));
        for (std::size_t i = lo(t), e = hi(t); i < e; ++i) ++h[(src[i].key >> (BITS * d)) & MASK];
    }
    // Stable: smaller digit values first, then earlier chunks.
    void scatter(std::size_t t, int d, const Rec *src, Rec *dst) const {
        const std::size_t base = static_cast<std::size_t>(d) * RADIX;
        std::vector<std::size_t> off(RADIX);
        std::size_t sum = 0;
        for (std::size_t v = 0; v < RADIX; ++v) {
            for (std::size_t q = 0; q < t; ++q) sum += hist[q * DIGITS * RADIX + base + v];
            off[v] = sum;
            for (std::size_t q = t; q < T; ++q) sum += hist[q * DIGITS * RADIX + base + v];
        }
        for (std::size_t i = lo(t), e = hi(t); i < e; ++i) dst[off[(src[i].key >> (BITS * d)) & MASK]++] = src[i];
    }
    // Runs of equal x sorted by y; a run belongs to the chunk holding its first record.
    void sort_runs(std::size_t t, Rec *r) const {
        std::size_t i = lo(t);
        const std::size_t e = hi(t);
        while (i > 0 && i < e && r[i - 1].key == r[i].key) ++i;
        while (i < e) {
            std::size_t j = i + 1;
            while (j < m && r[j].key == r[i].key) ++j;
            if (j - i > 1) std::sort(r + i, r + j, [](const Rec &p, const Rec &q) { return p.y < q.y; });
            i = j;
        }
    }
};

// Runs body(t) for t in [0, T): a parallel_for over the chunks, or a plain call when T == 1.
template <class F>
void each_chunk(const char *label, std::size_t T, const F &body) {
    if (T == 1) {
        body(0);
        return;
    }
    Kokkos::parallel_for(label, Policy(0, T), body);
    Kokkos::fence();
}

}  // namespace

double convex_hull_perimeter(const std::vector<double> &x, const std::vector<double> &y) {
    const std::size_t n = x.size();
    if (n < 2) return 0.0;
    const std::size_t T = n > 20000 ? static_cast<std::size_t>(Exec::concurrency() > 0 ? Exec::concurrency() : 1) : 1;
    const double *xp = x.data(), *yp = y.data();
    std::unique_ptr<Rec[]> abuf(new Rec[n]), bbuf(new Rec[n]);
    Rec *a = abuf.get(), *b = bbuf.get();
    std::vector<std::size_t> ext(T * 8), kept(T + 1, 0);
    std::size_t *extp = ext.data(), *keptp = kept.data();

    // 1. The octagon of extreme points (inside the hull); points strictly inside it are dropped.
    each_chunk("hull_extremes", T, KOKKOS_LAMBDA(const std::size_t t) {
        extremes(xp, yp, n * t / T, n * (t + 1) / T, extp + 8 * t);
    });
    Pt oct[8];
    {
        std::vector<double> cx(8 * T), cy(8 * T);
        for (std::size_t q = 0; q < 8 * T; ++q) {
            cx[q] = xp[ext[q]];
            cy[q] = yp[ext[q]];
        }
        std::size_t best[8];
        extremes(cx.data(), cy.data(), 0, 8 * T, best);
        for (int e = 0; e < 8; ++e) oct[e] = Pt{cx[best[e]], cy[best[e]]};
    }
    const Pt o0 = oct[0], o1 = oct[1], o2 = oct[2], o3 = oct[3], o4 = oct[4], o5 = oct[5], o6 = oct[6], o7 = oct[7];
    each_chunk("hull_filter", T, KOKKOS_LAMBDA(const std::size_t t) {
        const Pt v[8] = {o0, o1, o2, o3, o4, o5, o6, o7};
        const std::size_t lo = n * t / T, hi = n * (t + 1) / T;
        std::size_t c = lo;  // survivors of chunk t go to b[lo ..)
        for (std::size_t i = lo; i < hi; ++i) {
            const Pt p{xp[i], yp[i]};
            bool inside = true;
            for (int e = 0; e < 8; ++e) inside &= cross(v[e], v[(e + 1) & 7], p) > 0.0;
            if (!inside) b[c++] = Rec{key_of(p.x), p.y};
        }
        keptp[t + 1] = c - lo;
    });
    for (std::size_t q = 0; q < T; ++q) kept[q + 1] += kept[q];
    const std::size_t m = kept[T];
    each_chunk("hull_compact", T, KOKKOS_LAMBDA(const std::size_t t) {
        const std::size_t lo = n * t / T;
        std::copy(b + lo, b + lo + (keptp[t + 1] - keptp[t]), a + keptp[t]);
    });

    // 2. LSD radix sort of a[0, m) by x key; digits shared by every key are skipped.
    std::vector<std::size_t> hist(T * DIGITS * RADIX);
    const RadixPass rs{m, T, hist.data()};
    {
        const Rec *s = a;
        each_chunk("hull_count", T, KOKKOS_LAMBDA(const std::size_t t) { rs.count_all(t, s); });
    }
    bool skip[DIGITS];
    for (int d = 0; d < DIGITS; ++d) {
        const std::size_t base = static_cast<std::size_t>(d) * RADIX, v0 = (a[0].key >> (BITS * d)) & MASK;
        std::size_t same = 0;
        for (std::size_t q = 0; q < T; ++q) same += hist[q * DIGITS * RADIX + base + v0];
        skip[d] = same == m;
    }
    Rec *src = a, *dst = b;
    bool first = true;
    for (int d = 0; d < DIGITS; ++d) {
        if (skip[d]) continue;
        const Rec *s = src;
        Rec *o = dst;
        if (!first) each_chunk("hull_recount", T, KOKKOS_LAMBDA(const std::size_t t) { rs.count_digit(t, d, s); });
        first = false;
        each_chunk("hull_scatter", T, KOKKOS_LAMBDA(const std::size_t t) { rs.scatter(t, d, s, o); });
        std::swap(src, dst);
    }
    Rec *sorted = src;
    each_chunk("hull_runs", T, KOKKOS_LAMBDA(const std::size_t t) { rs.sort_runs(t, sorted); });

    // 3. Lower and upper chains of every chunk, merged.
    std::vector<Chain> lower(T), upper(T);
    Chain *lp = lower.data(), *up = upper.data();
    each_chunk("hull_chains", T, KOKKOS_LAMBDA(const std::size_t t) {
        build_chain(sorted, rs.lo(t), rs.hi(t), 1.0, lp[t]);
        build_chain(sorted, rs.lo(t), rs.hi(t), -1.0, up[t]);
    });
    return merged_length(lower, 1.0) + merged_length(upper, -1.0);
}
