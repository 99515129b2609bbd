// OpenMP reference of closest_pair: a parallel LSD radix sort by x, then a parallel sweep.
// Sort: the x coordinates become order-preserving 64-bit keys (records (key, y)); for each 16-bit digit
// every thread counts the digits of its chunk, the per-thread counts become write offsets (digit-major,
// thread-minor, so the scatter stays stable) and every thread scatters its chunk. A digit shared by all
// keys (known from the first counting pass) is skipped.
// Sweep: every point is compared with its predecessors in x order while their x distance alone is below
// the best distance found. The threads split the sorted points into equal ranges; a thread starts with
// the distance between its first point and that point's predecessor as its bound (any finite bound is
// safe: the pair that realises the minimum is still met), may read back into the previous range, and
// the per-thread minima of the squared distances are combined by a reduction.
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <vector>

namespace {

struct Rec {
    std::uint64_t key;
    double y;
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

}  // namespace

double closest_pair(const std::vector<double> &x, const std::vector<double> &y) {
    const std::size_t n = x.size();
    if (n < 2) return std::numeric_limits<double>::infinity();
    std::unique_ptr<Rec[]> a(new Rec[n]), b(new Rec[n]);
    const int nthreads = n > 20000 ? omp_get_max_threads() : 1;
    const std::size_t T = static_cast<std::size_t>(nthreads);
    // hist[t][d * RADIX + v]: thread t's count of digit value v at digit d (first pass: all digits)
    std::vector<std::vector<std::size_t>> hist(T);
    double best2 = std::numeric_limits<double>::infinity();

#pragma omp parallel num_threads(nthreads) reduction(min : best2)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t lo = n * t / T, hi = n * (t + 1) / T;
        Rec *src = a.get(), *dst = b.get();  // private copies: every thread swaps its own
        std::vector<std::size_t> &h = hist[t];
        h.assign(DIGITS * RADIX, 0);
        for (std::size_t i = lo; i < hi; ++i) {
            const std::uint64_t k = key_of(x[i]);
            a[i] = {k, y[i]};
            for (int d = 0; d < DIGITS; ++d) ++h[static_cast<std::size_t>(d) * RADIX + ((k >> (BITS * d)) & MASK)];
        }
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
            if (!first_pass) {  // recount this digit over my chunk of the current order
                std::fill(h.begin() + static_cast<std::ptrdiff_t>(base), h.begin() + static_cast<std::ptrdiff_t>(base + RADIX), 0);
                for (std::size_t i = lo; i < hi; ++i) ++h[base + ((src[i].key >> shift) & MASK)];
            }
            first_pass = false;
#pragma omp barrier
            // my write offset for digit value v: all values below v, then threads before me at v
            std::vector<std::size_t> off(RADIX);
            {
                std::size_t sum = 0;
                for (std::size_t v = 0; v < RADIX; ++v) {
                    for (std::size_t q = 0; q < t; ++q) sum += hist[q][base + v];
                    off[v] = sum;
                    for (std::size_t q = t; q < T; ++q) sum += hist[q][base + v];
                }
            }
            for (std::size_t i = lo; i < hi; ++i) dst[off[(src[i].key >> shift) & MASK]++] = src[i];
#pragma omp barrier
            std::swap(src, dst);
        }
        // parallel sweep over my range of the sorted points
        double best = std::numeric_limits<double>::infinity();
        std::size_t i0 = lo;
        if (i0 == 0) {
            i0 = 1;
        } else if (i0 < hi) {
            const double dx = x_of(src[i0].key) - x_of(src[i0 - 1].key), dy = src[i0].y - src[i0 - 1].y;
            best = std::sqrt(dx * dx + dy * dy);
        }
        double my2 = best * best;
        for (std::size_t i = i0; i < hi; ++i) {
            const double xi = x_of(src[i].key), yi = src[i].y;
            for (std::size_t j = i; j-- > 0;) {
                const double dx = xi - x_of(src[j].key);
                if (dx >= best) break;
                const double dy = yi - src[j].y;
                const double d2 = dx * dx + dy * dy;
                if (d2 < my2) {
                    my2 = d2;
                    best = std::sqrt(d2);
                }
            }
        }
        best2 = std::min(best2, my2);
    }
    return std::sqrt(best2);
}
