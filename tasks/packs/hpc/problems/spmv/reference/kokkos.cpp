// Kokkos reference of spmv: a parallel_for over one nonzero-balanced contiguous row range per thread (binary search in row_ptr); two accumulators per row.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace {

// y[i] = row i of A times x, rows [r0, r1).
void csr_rows(const std::size_t *__restrict rp, const std::size_t *__restrict ci, const double *__restrict va,
              const double *__restrict xp, double *__restrict yp, std::size_t r0, std::size_t r1) {
    for (std::size_t i = r0; i < r1; ++i) {
        const std::size_t end = rp[i + 1];
        std::size_t k = rp[i];
        double a0 = 0.0, a1 = 0.0;
        for (; k + 2 <= end; k += 2) {
            a0 += va[k] * xp[ci[k]];
            a1 += va[k + 1] * xp[ci[k + 1]];
        }
        if (k < end) a0 += va[k] * xp[ci[k]];
        yp[i] = a0 + a1;
    }
}

// First row of part `part` out of `parts` contiguous row ranges with about the same number of nonzeros.
std::size_t split_row(const std::size_t *rp, std::size_t nrows, std::size_t part, std::size_t parts) {
    if (part == 0) return 0;
    if (part >= parts) return nrows;
    const std::size_t target = (rp[nrows] * part) / parts;
    return static_cast<std::size_t>(std::lower_bound(rp, rp + nrows + 1, target) - rp);
}

}  // namespace

void spmv(size_t nrows, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
          const std::vector<double> &values, const std::vector<double> &x, std::vector<double> &y) {
    const std::size_t *rp = row_ptr.data(), *ci = col_idx.data();
    const double *va = values.data(), *xp = x.data();
    double *yp = y.data();
    if (rp[nrows] + nrows <= 20000) {
        csr_rows(rp, ci, va, xp, yp, 0, nrows);
        return;
    }
    const std::size_t T = static_cast<std::size_t>(Kokkos::DefaultHostExecutionSpace::concurrency());
    Kokkos::parallel_for(
        "spmv", Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>(0, T), KOKKOS_LAMBDA(const std::size_t c) {
            csr_rows(rp, ci, va, xp, yp, split_row(rp, nrows, c, T), split_row(rp, nrows, c + 1, T));
        });
    Kokkos::fence();
}
