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
//     range of sorted points; a global hull vertex is a vertex of its range's chain, so one more chain
//     over the concatenated per-thread chains gives the hull. The perimeter is the length of both
//     chains (a segment, counted twice, for collinear or coincident points).
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

double length(const std::vector<Pt> &c) {
    double s = 0.0;
    for (std::size_t i = 1; i < c.size(); ++i)
        s += std::sqrt((c[i].x - c[i - 1].x) * (c[i].x - c[i - 1].x) + (c[i].y - c[i - 1].y) * (c[i].y - c[i - 1].y));
    return s;
}

// Direction values of point (x, y) for the eight extremes: minimised 0-3, maximised 4-7 (as in order[]).
inline double dir(int e, double x, double y) {
    switch (e) {
        case 0: return x;       // min x
        case 1: return x + y;   // min x + y
        case 2: return y;       // min y
        case 3: return x - y;   // max x - y
        case 4: return x;       // max x
        case 5: return x + y;   // max x + y
        case 6: return y;       // max y
        default: return x - y;  // min x - y
    }
}
inline bool better(int e, double v, double w) {  // v beats w in direction e
    return (e == 0 || e == 1 || e == 2 || e == 7) ? v < w : v > w;
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
    std::vector<std::vector<Pt>> lower(T), upper(T);
    Pt oct[8];
    std::size_t m = 0;

#pragma omp parallel num_threads(nthreads)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t lo = n * t / T, hi = n * (t + 1) / T;
        // 1. extremes of my chunk, the octagon, the filter
        std::size_t *ext = ext_of.data() + t * 8;
        for (int e = 0; e < 8; ++e) ext[e] = lo;
        for (std::size_t i = lo + 1; i < hi; ++i)
            for (int e = 0; e < 8; ++e)
                if (better(e, dir(e, x[i], y[i]), dir(e, x[ext[e]], y[ext[e]]))) ext[e] = i;
#pragma omp barrier
#pragma omp single
        for (int e = 0; e < 8; ++e) {
            std::size_t w = ext_of[static_cast<std::size_t>(e)];
            for (std::size_t q = 1; q < T; ++q) {
                const std::size_t c = ext_of[q * 8 + static_cast<std::size_t>(e)];
                if (better(e, dir(e, x[c], y[c]), dir(e, x[w], y[w]))) w = c;
            }
            oct[e] = {x[w], y[w]};
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
        bool first_pass = true;
        for (int d = 0; d < DIGITS; ++d) {
            const int shift = BITS * d;
            const std::size_t base = static_cast<std::size_t>(d) * RADIX;
            const std::size_t v0 = (a[0].key >> shift) & MASK;
            std::size_t same = 0;
            for (std::size_t q = 0; q < T; ++q) same += hist[q][base + v0];
            if (same == m) continue;  // every key shares this digit
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
        // 3. chains of my range
        std::vector<Pt> &lc = lower[t], &uc = upper[t];
        for (std::size_t i = slo; i < shi; ++i) {
            const Pt p = {x_of(src[i].key), src[i].y};
            chain_push(lc, p, 1.0);
            chain_push(uc, p, -1.0);
        }
    }
    std::vector<Pt> lc, uc;
    for (std::size_t q = 0; q < T; ++q) {
        for (const Pt &p : lower[q]) chain_push(lc, p, 1.0);
        for (const Pt &p : upper[q]) chain_push(uc, p, -1.0);
    }
    return length(lc) + length(uc);
}
