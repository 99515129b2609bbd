// MPI+OpenMP reference of spmv_transpose: the rows are split into one contiguous, nonzero-balanced
// range per rank and that range again per thread. Each rank's thread 0 scatters into the rank's
// accumulator (y itself on rank 0), the other threads into private partial vectors that are then added
// in parallel over column ranges; rank 0 sums the ranks' accumulators with MPI_Reduce (outside the
// parallel region).
#include <mpi.h>
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
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t *rp = row_ptr.data();
    std::size_t r0 = 0, r1 = 0;
    nnz_block(rp, nrows, 0, nrows, static_cast<std::size_t>(rank), static_cast<std::size_t>(size), r0, r1);
    std::unique_ptr<double[]> local(rank == 0 ? nullptr : new double[ncols]);
    double *acc = rank == 0 ? y.data() : local.get();
    const int nt = (r1 - r0) + (rp[r1] - rp[r0]) > 50000 ? omp_get_max_threads() : 1;
    std::unique_ptr<double[]> partial(nt > 1 ? new double[static_cast<std::size_t>(nt - 1) * ncols] : nullptr);
    double *parts = partial.get();
#pragma omp parallel num_threads(nt) if (nt > 1)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t team = static_cast<std::size_t>(omp_get_num_threads());
        double *mine = t == 0 ? acc : parts + (t - 1) * ncols;
        std::fill(mine, mine + ncols, 0.0);
        std::size_t q0 = 0, q1 = 0;
        nnz_block(rp, nrows, r0, r1, t, team, q0, q1);
        scatter_rows(rp, col_idx.data(), values.data(), x.data(), mine, q0, q1);
        if (team > 1) {
#pragma omp barrier
            const std::size_t c0 = ncols * t / team, c1 = ncols * (t + 1) / team;
            for (std::size_t p = 0; p + 1 < team; ++p) {
                const double *__restrict src = parts + p * ncols;
                double *__restrict dst = acc;
                for (std::size_t j = c0; j < c1; ++j) dst[j] += src[j];
            }
        }
    }

    if (size == 1) return;
    const int count = static_cast<int>(ncols);
    if (rank == 0)
        MPI_Reduce(MPI_IN_PLACE, acc, count, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
    else
        MPI_Reduce(acc, nullptr, count, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
}
