// OpenMP reference of convex_hull_perimeter: parallel Akl-Toussaint filtering, a parallel radix sort and
// monotone chains per thread, merged by one more chain.
//  1. Every thread finds the extreme points of its chunk in eight directions (min/max of x, y, x + y,
//     x - y); the per-thread winners are combined, and their convex octagon lies inside the hull.
//     Every thread drops the points of its chunk that are strictly inside it and compacts the rest
//     (per-thread counts, then offsets).
//  2. The survivors are sorted by x with a parallel LSD radix sort on order-preserving 64-bit keys
//     (per-thread digit counts become stable write offsets; digits shared by every key are skipped);
//     runs of equal x are then sorted by y.
//  3. Every thread builds the lower and upper hull chains (Andrew's monotone chain) of its contiguous
//     range of sorted points, with the prefix lengths of each chain. A global hull chain is a piece of
//     each thread's chain joined by bridges; the bridges are found by walking from the junctions (few
//     points are given up there), and the lengths are read off the prefix sums. The perimeter is the
//     length of both chains (a segment, counted twice, for collinear or coincident points).
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace {

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

inline std::uint64_t key_of(double x) {
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

// Appends p to the lower (sign = +1: strict left turns) or upper (sign = -1) chain.
inline void chain_push(std::vector<Pt> &c, const Pt &p, double sign) {
    while (c.size() >= 2 && sign * cross(c[c.size() - 2], c.back(), p) <= 0.0) c.pop_back();
    c.push_back(p);
}


// Extreme points of points [lo, hi) in eight directions, counter-clockwise from the leftmost: min x,
// min x + y, min y, max x - y, max x, max x + y, max y, min x - y (indices into x / y).
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

// A hull chain kept per thread: its points and the prefix lengths of its polyline.
struct Chain {
    std::vector<Pt> p;
    std::vector<double> len;  // len[i] = length of p[0 .. i]
};

// A piece chains[t].p[s .. e] (inclusive) of a merged chain.
struct Piece {
    std::size_t t, s, e;
};

// The hull chain (lower: sign = +1, upper: sign = -1) of the concatenation of the chains, which are
// x-sorted, convex, and in x order, as a sequence of pieces of them. Each junction is found by
// walking: the merged tail gives up points while it does not turn strictly towards the next chain's
// head, and the head moves on while the tail, the head and the point after it do not turn strictly.
std::vector<Piece> merge_pieces(const std::vector<Chain> &chains, double sign) {
    std::vector<Piece> m;
    std::size_t count = 0;  // points in m
    auto at = [&](std::size_t back) -> const Pt & {  // back = 0: last point of m
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
        for (bool changed = true; changed && count > 0;) {
            changed = false;
            while (count >= 2 && sign * cross(at(1), at(0), c[j]) <= 0.0) {
                if (m.back().e == m.back().s) m.pop_back();
                else --m.back().e;
                --count;
                changed = true;
            }
            while (j + 1 < c.size() && sign * cross(at(0), c[j], c[j + 1]) <= 0.0) {
                ++j;
                changed = true;
            }
        }
        m.push_back({t, j, c.size() - 1});
        count += c.size() - j;
    }
    return m;
}

inline double dist(const Pt &a, const Pt &b) { return std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)); }

// Length of the merged chain, read off the prefix lengths of its pieces plus the bridges.
double merged_length(const std::vector<Chain> &chains, double sign) {
    const std::vector<Piece> m = merge_pieces(chains, sign);
    double total = 0.0;
    for (std::size_t k = 0; k < m.size(); ++k) {
        const Chain &c = chains[m[k].t];
        total += c.len[m[k].e] - c.len[m[k].s];
        if (k + 1 < m.size()) total += dist(c.p[m[k].e], chains[m[k + 1].t].p[m[k + 1].s]);
    }
    return total;
}

}  // namespace

double convex_hull_perimeter(const std::vector<double> &x, const std::vector<double> &y) {
    const std::size_t n = x.size();
    if (n < 2) return 0.0;
    const int nthreads = n > 20000 ? omp_get_max_threads() : 1;
    const std::size_t T = static_cast<std::size_t>(nthreads);
    std::unique_ptr<Rec[]> a(new Rec[n]), b(new Rec[n]);
    std::vector<std::size_t> ext_of(T * 8), kept(T + 1, 0);
    std::vector<std::vector<std::size_t>> hist(T);
    std::vector<Chain> lower(T), upper(T);
    Pt oct[8];
    std::size_t m = 0;

#pragma omp parallel num_threads(nthreads)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t lo = n * t / T, hi = n * (t + 1) / T;
        // 1. extremes of my chunk, the octagon, the filter
        extremes(x.data(), y.data(), lo, hi, ext_of.data() + t * 8);
#pragma omp barrier
#pragma omp single
        {
            // the winners among the threads' winners (ext_of holds T groups of 8 candidate indices)
            std::size_t cand[8 * 64], all[8];
            const std::size_t groups = std::min<std::size_t>(T, 64);
            std::vector<double> cx(8 * groups), cy(8 * groups);
            for (std::size_t q = 0; q < 8 * groups; ++q) {
                cand[q] = ext_of[q];
                cx[q] = x[cand[q]];
                cy[q] = y[cand[q]];
            }
            extremes(cx.data(), cy.data(), 0, 8 * groups, all);
            for (int e = 0; e < 8; ++e) oct[e] = {cx[all[e]], cy[all[e]]};
            for (std::size_t q = groups; q < T; ++q)  // more than 64 threads: fold the rest in
                for (int e = 0; e < 8; ++e) {
                    const double px = x[ext_of[q * 8 + static_cast<std::size_t>(e)]], py = y[ext_of[q * 8 + static_cast<std::size_t>(e)]];
                    double tx[2] = {oct[e].x, px}, ty[2] = {oct[e].y, py};
                    std::size_t two[8];
                    extremes(tx, ty, 0, 2, two);
                    oct[e] = {tx[two[e]], ty[two[e]]};
                }
        }  // implicit barrier
        std::size_t c = lo;  // survivors of my chunk go to b[lo ..)
        for (std::size_t i = lo; i < hi; ++i) {
            const Pt p = {x[i], y[i]};
            bool inside = true;
            for (int e = 0; e < 8; ++e) inside &= cross(oct[e], oct[(e + 1) & 7], p) > 0.0;
            if (!inside) b[c++] = {key_of(p.x), p.y};
        }
        kept[t + 1] = c - lo;
#pragma omp barrier
#pragma omp single
        {
            for (std::size_t q = 0; q < T; ++q) kept[q + 1] += kept[q];
            m = kept[T];
        }  // implicit barrier
        std::copy(b.get() + lo, b.get() + lo + (kept[t + 1] - kept[t]), a.get() + kept[t]);
#pragma omp barrier

        // 2. parallel LSD radix sort of a[0, m) by x key
        const std::size_t slo = m * t / T, shi = m * (t + 1) / T;
        Rec *src = a.get(), *dst = b.get();  // private copies: every thread swaps its own
        std::vector<std::size_t> &h = hist[t];
        h.assign(DIGITS * RADIX, 0);
        for (std::size_t i = slo; i < shi; ++i)
            for (int d = 0; d < DIGITS; ++d) ++h[static_cast<std::size_t>(d) * RADIX + ((src[i].key >> (BITS * d)) & MASK)];
#pragma omp barrier
        // Digits that every key shares are skipped. Decided once, from the complete first counts: a later
        // recount rewrites a thread's counts while other threads may still be reading them.
        bool skip[DIGITS];
        for (int d = 0; d < DIGITS; ++d) {
            const std::size_t base = static_cast<std::size_t>(d) * RADIX, v0 = (a[0].key >> (BITS * d)) & MASK;
            std::size_t same = 0;
            for (std::size_t q = 0; q < T; ++q) same += hist[q][base + v0];
            skip[d] = same == m;
        }
        bool first_pass = true;
        for (int d = 0; d < DIGITS; ++d) {
            if (skip[d]) continue;
            const int shift = BITS * d;
            const std::size_t base = static_cast<std::size_t>(d) * RADIX;
            if (!first_pass) {
                std::fill(h.begin() + static_cast<std::ptrdiff_t>(base), h.begin() + static_cast<std::ptrdiff_t>(base + RADIX), 0);
                for (std::size_t i = slo; i < shi; ++i) ++h[base + ((src[i].key >> shift) & MASK)];
            }
            first_pass = false;
#pragma omp barrier
            std::vector<std::size_t> off(RADIX);
            std::size_t sum = 0;
            for (std::size_t v = 0; v < RADIX; ++v) {
                for (std::size_t q = 0; q < t; ++q) sum += hist[q][base + v];
                off[v] = sum;
                for (std::size_t q = t; q < T; ++q) sum += hist[q][base + v];
            }
            for (std::size_t i = slo; i < shi; ++i) dst[off[(src[i].key >> shift) & MASK]++] = src[i];
#pragma omp barrier
            std::swap(src, dst);
        }
        // runs of equal x in y order: a run is sorted by the thread that holds its first element
        {
            std::size_t i = slo;
            while (i > 0 && i < shi && src[i - 1].key == src[i].key) ++i;  // that run belongs to my predecessor
            while (i < shi) {
                std::size_t j = i + 1;
                while (j < m && src[j].key == src[i].key) ++j;
                if (j - i > 1) std::sort(src + i, src + j, [](const Rec &p, const Rec &q) { return p.y < q.y; });
                i = j;
            }
        }
#pragma omp barrier
        // 3. chains of my range, and their prefix lengths
        for (Chain *c : {&lower[t], &upper[t]}) {
            const double sign = c == &lower[t] ? 1.0 : -1.0;
            for (std::size_t i = slo; i < shi; ++i) chain_push(c->p, {x_of(src[i].key), src[i].y}, sign);
            c->len.resize(c->p.size());
            double s = 0.0;
            for (std::size_t i = 0; i < c->p.size(); ++i) {
                if (i > 0)
                    s += std::sqrt((c->p[i].x - c->p[i - 1].x) * (c->p[i].x - c->p[i - 1].x) +
                                   (c->p[i].y - c->p[i - 1].y) * (c->p[i].y - c->p[i - 1].y));
                c->len[i] = s;
            }
        }
    }
    return merged_length(lower, 1.0) + merged_length(upper, -1.0);
}
