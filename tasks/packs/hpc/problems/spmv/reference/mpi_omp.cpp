// MPI+OpenMP reference of spmv: the rows are split into one contiguous range per rank holding
// about the same number of nonzeros, and each rank's range again into one nonzero-balanced range
// per thread; rank 0 gathers the parts of y with MPI_Gatherv.
#include <mpi.h>
#include <omp.h>

#include <algorithm>
#include <cstddef>
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
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t *rp = row_ptr.data();
    const std::size_t nparts = static_cast<std::size_t>(size);

    std::size_t lo = 0, hi = 0;
    nnz_block(rp, nrows, 0, nrows, static_cast<std::size_t>(rank), nparts, lo, hi);
#pragma omp parallel if (rp[hi] - rp[lo] + (hi - lo) > 20000)
    {
        std::size_t r0 = 0, r1 = 0;
        nnz_block(rp, nrows, lo, hi, static_cast<std::size_t>(omp_get_thread_num()),
                  static_cast<std::size_t>(omp_get_num_threads()), r0, r1);
        spmv_rows(rp, col_idx.data(), values.data(), x.data(), y.data(), r0, r1);
    }

    if (size == 1) return;
    std::vector<int> counts(size), displs(size);
    for (int r = 0; r < size; ++r) {
        std::size_t b0 = 0, b1 = 0;
        nnz_block(rp, nrows, 0, nrows, static_cast<std::size_t>(r), nparts, b0, b1);
        counts[r] = static_cast<int>(b1 - b0);
        displs[r] = static_cast<int>(b0);
    }
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, y.data(), counts.data(), displs.data(), MPI_DOUBLE, 0,
                    MPI_COMM_WORLD);
    else
        MPI_Gatherv(y.data() + lo, counts[rank], MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0,
                    MPI_COMM_WORLD);
}
