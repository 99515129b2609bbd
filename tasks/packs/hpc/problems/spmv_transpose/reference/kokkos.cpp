// Kokkos reference of spmv_transpose: race-free scatter into per-chunk partial vectors (chunk 0 into y) over nonzero-balanced row ranges, then a parallel_for over columns adds the partials into y.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <vector>

namespace {

// acc[col_idx[k]] += values[k] * x[i] for rows [r0, r1).
void scatter_range(const std::size_t *__restrict rp, const std::size_t *__restrict ci, const double *__restrict va,
                   const double *__restrict xp, double *__restrict acc, std::size_t r0, std::size_t r1) {
    for (std::size_t i = r0; i < r1; ++i) {
        const double xi = xp[i];
        const std::size_t end = rp[i + 1];
        for (std::size_t k = rp[i]; k < end; ++k) acc[ci[k]] += va[k] * xi;
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

void spmv_transpose(size_t nrows, size_t ncols, const std::vector<size_t> &row_ptr,
                    const std::vector<size_t> &col_idx, const std::vector<double> &values,
                    const std::vector<double> &x, std::vector<double> &y) {
    const std::size_t *rp = row_ptr.data(), *ci = col_idx.data();
    const double *va = values.data(), *xp = x.data();
    double *yp = y.data();
    const std::size_t nnz = rp[nrows];
    if (nnz + nrows <= 50000) {
        std::fill(yp, yp + ncols, 0.0);
        scatter_range(rp, ci, va, xp, yp, 0, nrows);
        return;
    }
    const std::size_t T = static_cast<std::size_t>(Kokkos::DefaultHostExecutionSpace::concurrency());
    // Chunks 1.. scatter into their own partial vector, uninitialized here and cleared by the chunk itself.
    std::unique_ptr<double[]> partial(T > 1 ? new double[(T - 1) * ncols] : nullptr);
    double *parts = partial.get();
    using Policy = Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>;
    Kokkos::parallel_for(
        "spmvt_scatter", Policy(0, T), KOKKOS_LAMBDA(const std::size_t c) {
            double *acc = c == 0 ? yp : parts + (c - 1) * ncols;
            for (std::size_t j = 0; j < ncols; ++j) acc[j] = 0.0;
            scatter_range(rp, ci, va, xp, acc, split_row(rp, nrows, c, T), split_row(rp, nrows, c + 1, T));
        });
    Kokkos::fence();
    if (T > 1) {
        Kokkos::parallel_for(
            "spmvt_combine", Policy(0, T), KOKKOS_LAMBDA(const std::size_t c) {
                const std::size_t j0 = ncols * c / T, j1 = ncols * (c + 1) / T;
                for (std::size_t q = 0; q + 1 < T; ++q) {
                    const double *__restrict src = parts + q * ncols;
                    double *__restrict dst = yp;
                    for (std::size_t j = j0; j < j1; ++j) dst[j] += src[j];
                }
            });
        Kokkos::fence();
    }
}
