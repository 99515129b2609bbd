// Kokkos reference of closest_pair: a chunked LSD radix sort by x (16-bit digits, parallel_for count and stable scatter passes, shared digits skipped), then a sweep over equal ranges of the sorted points combined with a Kokkos::Min parallel_reduce.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <vector>

namespace {

using Exec = Kokkos::DefaultHostExecutionSpace;
using Policy = Kokkos::RangePolicy<Exec>;

struct Rec {
    std::uint64_t key;
    double y;
};

constexpr std::uint64_t SIGN = std::uint64_t(1) << 63;
constexpr int DIGITS = 4, BITS = 16;
constexpr std::size_t RADIX = std::size_t(1) << BITS, MASK = RADIX - 1;

// Order-preserving 64-bit key of a double and back.
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

// Everything a chunk t of T needs; hist holds T rows of DIGITS * RADIX counts.
struct Sorter {
    std::size_t n, T;
    const double *x, *y;
    Rec *a;
    std::size_t *hist;

    std::size_t lo(std::size_t t) const { return n * t / T; }
    std::size_t hi(std::size_t t) const { return n * (t + 1) / T; }

    // Records of chunk t, and its counts of every digit.
    void load(std::size_t t) const {
        std::size_t *h = hist + t * DIGITS * RADIX;
        std::fill(h, h + DIGITS * RADIX, std::size_t(0));
        for (std::size_t i = lo(t), e = hi(t); i < e; ++i) {
            const std::uint64_t k = key_of(x[i]);
            a[i] = Rec{k, y[i]};
            for (int d = 0; d < DIGITS; ++d) ++h[static_cast<std::size_t>(d) * RADIX + ((k >> (BITS * d)) & MASK)];
        }
    }
    // Counts of digit d over chunk t of the current order src.
    void recount(std::size_t t, int d, const Rec *src) const {
        std::size_t *h = hist + t * DIGITS * RADIX + static_cast<std::size_t>(d) * RADIX;
        std::fill(h, h + RADIX, std::size_t(0));
        const int shift = BITS * d;
        for (std::size_t i = lo(t), e = hi(t); i < e; ++i) ++h[(src[i].key >> shift) & MASK];
    }
    // Stable scatter of chunk t by digit d: all smaller digit values first, then earlier chunks.
    void scatter(std::size_t t, int d, const Rec *src, Rec *dst) const {
        const std::size_t base = static_cast<std::size_t>(d) * RADIX;
        std::vector<std::size_t> off(RADIX);
        std::size_t sum = 0;
        for (std::size_t v = 0; v < RADIX; ++v) {
            for (std::size_t q = 0; q < t; ++q) sum += hist[q * DIGITS * RADIX + base + v];
            off[v] = sum;
            for (std::size_t q = t; q < T; ++q) sum += hist[q * DIGITS * RADIX + base + v];
        }
        const int shift = BITS * d;
        for (std::size_t i = lo(t), e = hi(t); i < e; ++i) dst[off[(src[i].key >> shift) & MASK]++] = src[i];
    }
};

// Sweep of the sorted points [lo, hi): each point meets its predecessors (possibly before lo) while the
// x distance alone is below the best. The bound starts at the distance to the predecessor of lo (any
// finite bound is safe). Returns the smallest squared distance found.
double sweep(const Rec *p, std::size_t lo, std::size_t hi) {
    double best = std::numeric_limits<double>::infinity();
    std::size_t i0 = lo;
    if (i0 == 0) {
        i0 = 1;
    } else if (i0 < hi) {
        const double dx = x_of(p[i0].key) - x_of(p[i0 - 1].key), dy = p[i0].y - p[i0 - 1].y;
        best = std::sqrt(dx * dx + dy * dy);
    }
    double best2 = best * best;
    for (std::size_t i = i0; i < hi; ++i) {
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
    return best2;
}

}  // namespace

double closest_pair(const std::vector<double> &x, const std::vector<double> &y) {
    const std::size_t n = x.size();
    if (n < 2) return std::numeric_limits<double>::infinity();
    const bool par = n > 20000;
    const std::size_t T = par ? static_cast<std::size_t>(Exec::concurrency() > 0 ? Exec::concurrency() : 1) : 1;
    std::unique_ptr<Rec[]> abuf(new Rec[n]), bbuf(new Rec[n]);
    std::vector<std::size_t> hist(T * DIGITS * RADIX);
    const Sorter so{n, T, x.data(), y.data(), abuf.get(), hist.data()};

    if (par)
        Kokkos::parallel_for("cp_load", Policy(0, T), KOKKOS_LAMBDA(const std::size_t t) { so.load(t); });
    else
        so.load(0);
    Kokkos::fence();

    // Digits shared by every key are skipped (decided from the complete first counts).
    bool skip[DIGITS];
    for (int d = 0; d < DIGITS; ++d) {
        const std::size_t base = static_cast<std::size_t>(d) * RADIX, v0 = (abuf[0].key >> (BITS * d)) & MASK;
        std::size_t same = 0;
        for (std::size_t q = 0; q < T; ++q) same += hist[q * DIGITS * RADIX + base + v0];
        skip[d] = same == n;
    }
    Rec *src = abuf.get(), *dst = bbuf.get();
    bool first = true;
    for (int d = 0; d < DIGITS; ++d) {
        if (skip[d]) continue;
        const Rec *s = src;
        Rec *o = dst;
        if (!first) {
            if (par)
                Kokkos::parallel_for("cp_recount", Policy(0, T), KOKKOS_LAMBDA(const std::size_t t) { so.recount(t, d, s); });
            else
                so.recount(0, d, s);
            Kokkos::fence();
        }
        first = false;
        if (par)
            Kokkos::parallel_for("cp_scatter", Policy(0, T), KOKKOS_LAMBDA(const std::size_t t) { so.scatter(t, d, s, o); });
        else
            so.scatter(0, d, s, o);
        Kokkos::fence();
        std::swap(src, dst);
    }

    const Rec *sorted = src;
    if (!par) return std::sqrt(sweep(sorted, 0, n));
    double best2 = std::numeric_limits<double>::infinity();
    Kokkos::parallel_reduce(
        "cp_sweep", Policy(0, T),
        KOKKOS_LAMBDA(const std::size_t t, double &m) {
            const double v = sweep(sorted, n * t / T, n * (t + 1) / T);
            if (v < m) m = v;
        },
        Kokkos::Min<double>(best2));
    return std::sqrt(best2);
}
