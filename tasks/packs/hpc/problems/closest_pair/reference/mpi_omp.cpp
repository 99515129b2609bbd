// MPI+OpenMP reference of closest_pair: x slabs, one per rank. All ranks pick the same slab boundaries from a
// fixed sample of the x coordinates; each rank gathers the points of its slab (x in [s_r, s_{r+1})),
// sorts them by x with an LSD radix sort (order-preserving 64-bit keys of x, 16-bit digits, digits
// shared by every key skipped) and sweeps them: every point is compared with its predecessors in x
// order while their x distance alone is below the best distance b found. A pair across the boundary
// s_r that beats b has both points within b of s_r, so rank r also sweeps that strip (points with
// |x - s_r| < b, sorted by x). The squared minima meet on rank 0 with one MPI_Reduce.
// Inside a rank the slab is gathered, radix-sorted and swept by OpenMP threads: every thread counts
// the digits of its chunk, the counts become per-thread write offsets (a stable parallel scatter), and
// the sweep splits the sorted points into equal ranges, each thread starting from the distance between
// its first point and that point's predecessor as its bound. MPI is called outside parallel regions.
#include <mpi.h>
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>
#include <vector>

namespace {

struct Rec {
    std::uint64_t key;
    double y;
};

constexpr std::uint64_t SIGN = std::uint64_t(1) << 63;
constexpr int DIGITS = 4, BITS = 16;
constexpr std::size_t RADIX = std::size_t(1) << BITS, MASK = RADIX - 1;
constexpr double INF = std::numeric_limits<double>::infinity();

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

// Sorts recs by key (LSD radix); returns a pointer to the sorted copy (recs or tmp).
Rec *radix_sort(std::vector<Rec> &recs, std::vector<Rec> &tmp) {
    const std::size_t n = recs.size();
    tmp.resize(n);
    if (n < 2) return recs.data();
    std::vector<std::size_t> hist(DIGITS * RADIX, 0);
    for (const Rec &r : recs)
        for (int d = 0; d < DIGITS; ++d) ++hist[static_cast<std::size_t>(d) * RADIX + ((r.key >> (BITS * d)) & MASK)];
    Rec *src = recs.data(), *dst = tmp.data();
    for (int d = 0; d < DIGITS; ++d) {
        std::size_t *h = hist.data() + static_cast<std::size_t>(d) * RADIX;
        const int shift = BITS * d;
        if (h[(src[0].key >> shift) & MASK] == n) continue;
        std::size_t sum = 0;
        for (std::size_t v = 0; v < RADIX; ++v) {
            const std::size_t c = h[v];
            h[v] = sum;
            sum += c;
        }
        for (std::size_t i = 0; i < n; ++i) dst[h[(src[i].key >> shift) & MASK]++] = src[i];
        std::swap(src, dst);
    }
    return src;
}

// Sweep over points sorted by key; best2 / best: the squared and plain bound, lowered in place.
void sweep(const Rec *p, std::size_t n, double &best2, double &best) {
    for (std::size_t i = 1; i < n; ++i) {
        const double xi = x_of(p[i].key), yi = p[i].y;
        for (std::size_t j = i; j-- > 0;) {
            const double dx = xi - x_of(p[j].key);
            if (dx >= best) break;
            const double dy = yi - p[j].y;
            const double d2 = dx * dx + dy * dy;
            if (d2 < best2) {
                best2 = d2;
                best = std::sqrt(d2);
            }
        }
    }
}

// Parallel radix sort of recs by key and sweep of the result; lowers best2 / best in place.
void parallel_sort_sweep(std::vector<Rec> &recs, std::vector<Rec> &tmp, double &best2, double &best) {
    const std::size_t n = recs.size();
    if (n < 2) return;
    tmp.resize(n);
    const int nthreads = n > 20000 ? omp_get_max_threads() : 1;
    const std::size_t T = static_cast<std::size_t>(nthreads);
    std::vector<std::vector<std::size_t>> hist(T);
    Rec *const a = recs.data();
    Rec *const b = tmp.data();
    double result2 = best2;
#pragma omp parallel num_threads(nthreads) reduction(min : result2)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t lo = n * t / T, hi = n * (t + 1) / T;
        Rec *src = a, *dst = b;  // private copies: every thread swaps its own
        std::vector<std::size_t> &h = hist[t];
        h.assign(DIGITS * RADIX, 0);
        for (std::size_t i = lo; i < hi; ++i)
            for (int d = 0; d < DIGITS; ++d) ++h[static_cast<std::size_t>(d) * RADIX + ((a[i].key >> (BITS * d)) & MASK)];
#pragma omp barrier
        // Digits that every key shares are skipped. Decided once, from the complete first counts: a later
        // recount rewrites a thread's counts while other threads may still be reading them.
        bool skip[DIGITS];
        for (int d = 0; d < DIGITS; ++d) {
            const std::size_t base = static_cast<std::size_t>(d) * RADIX, v0 = (a[0].key >> (BITS * d)) & MASK;
            std::size_t same = 0;
            for (std::size_t q = 0; q < T; ++q) same += hist[q][base + v0];
            skip[d] = same == n;
        }
        bool first_pass = true;
        for (int d = 0; d < DIGITS; ++d) {
            if (skip[d]) continue;
            const int shift = BITS * d;
            const std::size_t base = static_cast<std::size_t>(d) * RADIX;
            if (!first_pass) {
                std::fill(h.begin() + static_cast<std::ptrdiff_t>(base), h.begin() + static_cast<std::ptrdiff_t>(base + RADIX), 0);
                for (std::size_t i = lo; i < hi; ++i) ++h[base + ((src[i].key >> shift) & MASK)];
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
            for (std::size_t i = lo; i < hi; ++i) dst[off[(src[i].key >> shift) & MASK]++] = src[i];
#pragma omp barrier
            std::swap(src, dst);
        }
        double my = best, my2 = best2;
        std::size_t i0 = lo == 0 ? 1 : lo;
        if (lo > 0 && lo < hi) {
            const double dx = x_of(src[lo].key) - x_of(src[lo - 1].key), dy = src[lo].y - src[lo - 1].y;
            const double d2 = dx * dx + dy * dy;
            if (d2 < my2) {
                my2 = d2;
                my = std::sqrt(d2);
            }
        }
        for (std::size_t i = i0; i < hi; ++i) {
            const double xi = x_of(src[i].key), yi = src[i].y;
            for (std::size_t j = i; j-- > 0;) {
                const double dx = xi - x_of(src[j].key);
                if (dx >= my) break;
                const double dy = yi - src[j].y;
                const double d2 = dx * dx + dy * dy;
                if (d2 < my2) {
                    my2 = d2;
                    my = std::sqrt(d2);
                }
            }
        }
        result2 = std::min(result2, my2);
    }
    best2 = result2;
    best = std::sqrt(result2);
}

}  // namespace

double closest_pair(const std::vector<double> &x, const std::vector<double> &y) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = x.size();
    const std::size_t p = static_cast<std::size_t>(size), r = static_cast<std::size_t>(rank);

    // Slab boundaries: quantiles of a fixed sample (the same on every rank).
    const std::size_t samples = std::min<std::size_t>(n, 1024 * p);
    std::vector<double> sample(samples);
    for (std::size_t i = 0; i < samples; ++i) sample[i] = x[i * n / samples];
    std::sort(sample.begin(), sample.end());
    const double lo = r == 0 ? -INF : sample[r * samples / p];
    const double hi = r + 1 == p ? INF : sample[(r + 1) * samples / p];

    // My slab's points; also the nearest point left of it and my leftmost point (a real pair: a bound).
    std::vector<Rec> recs, tmp;
    recs.reserve(n / p + n / (8 * p) + 16);
    std::size_t left = n, first = n;  // indices of max x below lo, min x in [lo, hi)
    for (std::size_t i = 0; i < n; ++i) {
        const double xi = x[i];
        if (xi >= lo && xi < hi) {
            recs.push_back({key_of(xi), y[i]});
            if (first == n || xi < x[first]) first = i;
        } else if (xi < lo && (left == n || xi > x[left])) {
            left = i;
        }
    }
    double best = INF, best2 = INF;
    if (left < n && first < n) {
        const double dx = x[first] - x[left], dy = y[first] - y[left];
        best2 = dx * dx + dy * dy;
        best = std::sqrt(best2);
    }
    parallel_sort_sweep(recs, tmp, best2, best);

    // Pairs across my left boundary that could beat best lie in the strip |x - lo| < best.
    if (r > 0 && best > 0.0) {
        std::vector<Rec> strip, strip_tmp;
        for (std::size_t i = 0; i < n; ++i)
            if (std::fabs(x[i] - lo) < best) strip.push_back({key_of(x[i]), y[i]});
        const Rec *s = radix_sort(strip, strip_tmp);
        sweep(s, strip.size(), best2, best);
    }
    double global2 = best2;
    MPI_Reduce(&best2, &global2, 1, MPI_DOUBLE, MPI_MIN, 0, MPI_COMM_WORLD);
    return std::sqrt(global2);
}
