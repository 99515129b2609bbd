// MPI+OpenMP reference of gemv: each rank computes one contiguous block of rows of y, split
// again statically over the rank's threads; rank 0 gathers the blocks with MPI_Gatherv.
#include <mpi.h>

#include <cstddef>
#include <vector>

namespace {

// Block [lo, hi) of n items owned by `rank` out of `size` ranks (sizes differ by at most one).
void block_range(std::size_t n, int rank, int size, std::size_t &lo, std::size_t &hi) {
    const std::size_t p = static_cast<std::size_t>(size), r = static_cast<std::size_t>(rank);
    const std::size_t base = n / p, extra = n % p;
    lo = r * base + (r < extra ? r : extra);
    hi = lo + base + (r < extra ? 1 : 0);
}

double dot(const double *__restrict a, const double *__restrict x, std::size_t n) {
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    std::size_t j = 0;
    for (; j + 4 <= n; j += 4) {
        s0 += a[j] * x[j];
        s1 += a[j + 1] * x[j + 1];
        s2 += a[j + 2] * x[j + 2];
        s3 += a[j + 3] * x[j + 3];
    }
    for (; j < n; ++j) s0 += a[j] * x[j];
    return (s0 + s1) + (s2 + s3);
}

}  // namespace

void gemv(const std::vector<double> &A, const std::vector<double> &x, std::vector<double> &y, size_t m, size_t n) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    std::size_t lo = 0, hi = 0;
    block_range(m, rank, size, lo, hi);
    const double *a = A.data();
    const double *xp = x.data();
    double *yp = y.data();
    const std::ptrdiff_t plo = static_cast<std::ptrdiff_t>(lo), phi = static_cast<std::ptrdiff_t>(hi);
#pragma omp parallel for schedule(static) if ((hi - lo) * n > 50000)
    for (std::ptrdiff_t i = plo; i < phi; ++i) yp[i] = dot(a + static_cast<std::size_t>(i) * n, xp, n);

    if (size == 1) return;
    std::vector<int> counts(size), displs(size);
    for (int r = 0; r < size; ++r) {
        std::size_t b0 = 0, b1 = 0;
        block_range(m, r, size, b0, b1);
        counts[r] = static_cast<int>(b1 - b0);
        displs[r] = static_cast<int>(b0);
    }
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, yp, counts.data(), displs.data(), MPI_DOUBLE, 0, MPI_COMM_WORLD);
    else
        MPI_Gatherv(yp + lo, counts[rank], MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0, MPI_COMM_WORLD);
}
