// MPI reference of axpy: every rank updates one contiguous block of y, rank 0 gathers the blocks.
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

}  // namespace

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = x.size();

    std::size_t lo = 0, hi = 0;
    block_range(n, rank, size, lo, hi);
    const double *__restrict xp = x.data();
    double *__restrict yp = y.data();
    for (std::size_t i = lo; i < hi; ++i) yp[i] += alpha * xp[i];

    if (size == 1) return;
    std::vector<int> counts(size), displs(size);
    for (int r = 0; r < size; ++r) {
        std::size_t a = 0, b = 0;
        block_range(n, r, size, a, b);
        counts[r] = static_cast<int>(b - a);
        displs[r] = static_cast<int>(a);
    }
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, y.data(), counts.data(), displs.data(), MPI_DOUBLE, 0, MPI_COMM_WORLD);
    else
        MPI_Gatherv(y.data() + lo, counts[rank], MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0, MPI_COMM_WORLD);
}
