// Kokkos reference of spmm: a parallel_for over one nonzero-balanced contiguous row range per thread; each row of C is built in place as a linear combination of B's rows (two nonzeros per pass).
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace {

// Rows [r0, r1) of C = A B, row by row in place (the row stays in L1), contiguous vectorizable updates.
void rows_of_c(const std::size_t *__restrict rp, const std::size_t *__restrict ci, const double *__restrict va,
               const double *__restrict B, double *__restrict C, std::size_t p, std::size_t r0, std::size_t r1) {
    for (std::size_t i = r0; i < r1; ++i) {
        double *__restrict crow = C + i * p;
        for (std::size_t j = 0; j < p; ++j) crow[j] = 0.0;
        const std::size_t end = rp[i + 1];
        std::size_t q = rp[i];
        for (; q + 2 <= end; q += 2) {
            const double w0 = va[q], w1 = va[q + 1];
            const double *__restrict b0 = B + ci[q] * p;
            const double *__restrict b1 = B + ci[q + 1] * p;
            for (std::size_t j = 0; j < p; ++j) crow[j] = (crow[j] + w0 * b0[j]) + w1 * b1[j];
        }
        if (q < end) {
            const double w0 = va[q];
            const double *__restrict b0 = B + ci[q] * p;
            for (std::size_t j = 0; j < p; ++j) crow[j] += w0 * b0[j];
        }
    }
}

// First row of part `part` of `parts` contiguous row ranges holding about the same number of nonzeros.
std::size_t part_start(const std::size_t *rp, std::size_t m, std::size_t part, std::size_t parts) {
    if (part == 0) return 0;
    if (part >= parts) return m;
    const std::size_t target = (rp[m] * part) / parts;
    return std::min(m, static_cast<std::size_t>(std::lower_bound(rp, rp + m + 1, target) - rp));
}

}  // namespace

void spmm(size_t m, size_t k, size_t p, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
          const std::vector<double> &values, const std::vector<double> &B, std::vector<double> &C) {
    (void)k;
    const std::size_t *rp = row_ptr.data(), *ci = col_idx.data();
    const double *va = values.data(), *bp = B.data();
    double *cp = C.data();
    if ((rp[m] + m) * p <= 100000) {
        rows_of_c(rp, ci, va, bp, cp, p, 0, m);
        return;
    }
    const std::size_t T = static_cast<std::size_t>(Kokkos::DefaultHostExecutionSpace::concurrency());
    Kokkos::parallel_for(
        "spmm", Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>(0, T), KOKKOS_LAMBDA(const std::size_t c) {
            rows_of_c(rp, ci, va, bp, cp, p, part_start(rp, m, c, T), part_start(rp, m, c + 1, T));
        });
    Kokkos::fence();
}
