// OpenMP reference of spmv: rows are split into one contiguous range per thread such that every
// range holds about the same number of nonzeros (binary search in row_ptr), so threads get equal
// work even when row lengths vary; each row uses two independent accumulators.
#include <omp.h>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace {

// First row whose nonzeros start at or after `target` (rows [0, result) hold < target nonzeros).
std::size_t row_for_nnz(const std::size_t *rp, std::size_t nrows, std::size_t target) {
    return static_cast<std::size_t>(std::lower_bound(rp, rp + nrows + 1, target) - rp);
}

void spmv_rows(const std::size_t *__restrict rp, const std::size_t *__restrict ci, const double *__restrict va,
               const double *__restrict xp, double *__restrict yp, std::size_t r0, std::size_t r1) {
    for (std::size_t i = r0; i < r1; ++i) {
        const std::size_t end = rp[i + 1];
        std::size_t k = rp[i];
        double s0 = 0.0, s1 = 0.0;
        for (; k + 2 <= end; k += 2) {
            s0 += va[k] * xp[ci[k]];
            s1 += va[k + 1] * xp[ci[k + 1]];
        }
        if (k < end) s0 += va[k] * xp[ci[k]];
        yp[i] = s0 + s1;
    }
}

}  // namespace

void spmv(size_t nrows, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
          const std::vector<double> &values, const std::vector<double> &x, std::vector<double> &y) {
    const std::size_t *rp = row_ptr.data();
    const std::size_t nnz = rp[nrows];
#pragma omp parallel if (nnz + nrows > 20000)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        const std::size_t r0 = t == 0 ? 0 : row_for_nnz(rp, nrows, (nnz * t) / nt);
        const std::size_t r1 = t + 1 == nt ? nrows : row_for_nnz(rp, nrows, (nnz * (t + 1)) / nt);
        spmv_rows(rp, col_idx.data(), values.data(), x.data(), y.data(), r0, r1);
    }
}
