// MPI reference of spmv_transpose: the rows are split into one contiguous, nonzero-balanced range per
// rank; each rank scatters its rows into a full-length accumulator (rank 0 into y itself), and rank 0
// sums the accumulators with MPI_Reduce (MPI_IN_PLACE on the root). No two ranks share memory, so the
// scatter needs no atomics.
#include <mpi.h>

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
    std::fill(acc, acc + ncols, 0.0);
    scatter_rows(rp, col_idx.data(), values.data(), x.data(), acc, r0, r1);

    if (size == 1) return;
    const int count = static_cast<int>(ncols);
    if (rank == 0)
        MPI_Reduce(MPI_IN_PLACE, acc, count, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
    else
        MPI_Reduce(acc, nullptr, count, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
}
