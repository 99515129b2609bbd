// OpenMP reference of spmv_transpose: race-free scatter with per-thread partial vectors. The rows are
// split into one contiguous, nonzero-balanced range per thread; thread 0 scatters straight into y, every
// other thread into its own private copy (allocated uninitialized and cleared by its owner, so the pages
// are first touched by the thread that uses them). After a barrier, the partial vectors are added into
// y in parallel over column ranges.
#include <omp.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <vector>

namespace {

// First row whose nonzeros start at or after `target`.
std::size_t row_for_nnz(const std::size_t *rp, std::size_t nrows, std::size_t target) {
    return static_cast<std::size_t>(std::lower_bound(rp, rp + nrows + 1, target) - rp);
}

// Rows [r0, r1) of part `part` out of `parts` parts of rows [lo, hi), balanced by nonzeros.
void nnz_block(const std::size_t *rp, std::size_t nrows, std::size_t lo, std::size_t hi, std::size_t part,
               std::size_t parts, std::size_t &r0, std::size_t &r1) {
    const std::size_t first = rp[lo], nnz = rp[hi] - rp[lo];
    r0 = part == 0 ? lo : std::max(lo, std::min(hi, row_for_nnz(rp, nrows, first + (nnz * part) / parts)));
    r1 = part + 1 == parts ? hi
                           : std::max(lo, std::min(hi, row_for_nnz(rp, nrows, first + (nnz * (part + 1)) / parts)));
}

// acc[col_idx[k]] += values[k] * x[i] for the rows [r0, r1).
void scatter_rows(const std::size_t *__restrict rp, const std::size_t *__restrict ci, const double *__restrict va,
                  const double *__restrict xp, double *__restrict acc, std::size_t r0, std::size_t r1) {
    for (std::size_t i = r0; i < r1; ++i) {
        const double xi = xp[i];
        const std::size_t end = rp[i + 1];
        for (std::size_t k = rp[i]; k < end; ++k) acc[ci[k]] += va[k] * xi;
    }
}

}  // namespace

void spmv_transpose(size_t nrows, size_t ncols, const std::vector<size_t> &row_ptr,
                    const std::vector<size_t> &col_idx, const std::vector<double> &values,
                    const std::vector<double> &x, std::vector<double> &y) {
    const std::size_t *rp = row_ptr.data();
    const std::size_t nnz = rp[nrows];
    const bool par = nnz + nrows > 50000;
    const int nt = par ? omp_get_max_threads() : 1;
    std::unique_ptr<double[]> partial(nt > 1 ? new double[static_cast<std::size_t>(nt - 1) * ncols] : nullptr);
    double *yp = y.data();
    double *parts = partial.get();
#pragma omp parallel num_threads(nt) if (par)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t team = static_cast<std::size_t>(omp_get_num_threads());
        double *acc = t == 0 ? yp : parts + (t - 1) * ncols;
        std::fill(acc, acc + ncols, 0.0);
        std::size_t r0 = 0, r1 = 0;
        nnz_block(rp, nrows, 0, nrows, t, team, r0, r1);
        scatter_rows(rp, col_idx.data(), values.data(), x.data(), acc, r0, r1);
        if (team > 1) {
#pragma omp barrier
            const std::size_t c0 = ncols * t / team, c1 = ncols * (t + 1) / team;
            for (std::size_t p = 0; p + 1 < team; ++p) {
                const double *__restrict src = parts + p * ncols;
                double *__restrict dst = yp;
                for (std::size_t j = c0; j < c1; ++j) dst[j] += src[j];
            }
        }
    }
}
