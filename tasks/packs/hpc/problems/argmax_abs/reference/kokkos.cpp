// Kokkos reference of argmax_abs: one contiguous range per host thread (parallel_for over chunks), each searched with branch-free block maxima; chunk results combined in order so ties keep the smallest index.
#include <Kokkos_Core.hpp>

#include <cmath>
#include <cstddef>
#include <vector>

namespace {

constexpr std::size_t BLOCK = 2048;

// The largest |x[j]| over [0, len), with four independent branch-free running maxima.
KOKKOS_INLINE_FUNCTION double block_max_abs(const double *__restrict x, std::size_t len) {
    double m0 = 0.0, m1 = 0.0, m2 = 0.0, m3 = 0.0;
    std::size_t j = 0;
    for (; j + 4 <= len; j += 4) {
        const double a0 = std::fabs(x[j]), a1 = std::fabs(x[j + 1]);
        const double a2 = std::fabs(x[j + 2]), a3 = std::fabs(x[j + 3]);
        m0 = a0 > m0 ? a0 : m0;
        m1 = a1 > m1 ? a1 : m1;
        m2 = a2 > m2 ? a2 : m2;
        m3 = a3 > m3 ? a3 : m3;
    }
    for (; j < len; ++j) {
        const double a = std::fabs(x[j]);
        m0 = a > m0 ? a : m0;
    }
    m0 = m1 > m0 ? m1 : m0;
    m2 = m3 > m2 ? m3 : m2;
    return m2 > m0 ? m2 : m0;
}

// First index of the largest |x[i]| over [lo, hi): only a block whose maximum beats the best so far
// is rescanned for the position. An empty range leaves best_abs = -1 (it loses to everything).
KOKKOS_INLINE_FUNCTION void argmax_range(const double *x, std::size_t lo, std::size_t hi, double &best_abs,
                                         std::size_t &best) {
    best_abs = -1.0;
    best = lo;
    for (std::size_t b = lo; b < hi; b += BLOCK) {
        const std::size_t len = hi - b < BLOCK ? hi - b : BLOCK;
        const double m = block_max_abs(x + b, len);
        if (m > best_abs) {
            std::size_t j = 0;
            while (j + 1 < len && std::fabs(x[b + j]) != m) ++j;
            best_abs = m;
            best = b + j;
        }
    }
}

}  // namespace

size_t argmax_abs(const std::vector<double> &x) {
    const std::size_t n = x.size();
    const double *xp = x.data();
    if (n <= 50000) {
        double v;
        std::size_t i;
        argmax_range(xp, 0, n, v, i);
        return i;
    }
    using Exec = Kokkos::DefaultHostExecutionSpace;
    const std::size_t nc = static_cast<std::size_t>(Exec::concurrency() > 0 ? Exec::concurrency() : 1);
    std::vector<double> vals(nc, -1.0);
    std::vector<std::size_t> idxs(nc, 0);
    double *vp = vals.data();
    std::size_t *ip = idxs.data();
    Kokkos::parallel_for(
        "argmax_abs", Kokkos::RangePolicy<Exec>(0, nc), KOKKOS_LAMBDA(const std::size_t c) {
            argmax_range(xp, n * c / nc, n * (c + 1) / nc, vp[c], ip[c]);
        });
    Kokkos::fence();
    std::size_t best = idxs[0];
    double best_abs = vals[0];
    for (std::size_t c = 1; c < nc; ++c)
        if (vals[c] > best_abs) {
            best_abs = vals[c];
            best = idxs[c];
        }
    return best;
}
