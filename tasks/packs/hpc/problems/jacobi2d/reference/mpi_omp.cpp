// MPI+OpenMP reference of jacobi2d: 1-D row decomposition of the n - 2 interior rows over the
// ranks with ghost rows exchanged between sweeps (MPI_Sendrecv, outside the parallel loops, so
// only the main thread calls MPI); within a rank the rows of a sweep are split statically over the
// threads. Rank 0 gathers the interior rows with MPI_Gatherv at the end.
#include <mpi.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <utility>
#include <vector>

namespace {

void sweep_row(const double *__restrict up, const double *__restrict mid, const double *__restrict down,
               double *__restrict out, std::size_t n) {
    for (std::size_t j = 1; j + 1 < n; ++j) out[j] = 0.25 * (up[j] + down[j] + mid[j - 1] + mid[j + 1]);
}

// Interior rows [first, first + count) (global row numbers) owned by `rank`.
void owned_rows(std::size_t interior, int rank, int size, std::size_t &first, std::size_t &count) {
    const std::size_t p = static_cast<std::size_t>(size), r = static_cast<std::size_t>(rank);
    const std::size_t base = interior / p, extra = interior % p;
    count = base + (r < extra ? 1 : 0);
    first = 1 + r * base + std::min(r, extra);
}

}  // namespace

void jacobi2d(std::vector<double> &grid, size_t n, int iterations) {
    if (n < 3 || iterations <= 0) return;
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t interior = n - 2;
    const int active = static_cast<int>(std::min<std::size_t>(interior, static_cast<std::size_t>(size)));

    std::size_t first = 0, count = 0;
    owned_rows(interior, rank, size, first, count);

    std::vector<double> a, b;
    const double *result = grid.data() + first * n;  // this rank's updated rows when done
    if (count > 0) {
        // Local rows 0 .. count + 1 hold global rows first - 1 .. first + count (ghost, owned, ghost).
        const std::size_t local = (count + 2) * n;
        a.assign(grid.begin() + static_cast<std::ptrdiff_t>((first - 1) * n),
                 grid.begin() + static_cast<std::ptrdiff_t>((first - 1) * n + local));
        b = a;
        double *cur = a.data(), *nxt = b.data();
        const int up = rank > 0 ? rank - 1 : MPI_PROC_NULL;
        const int down = rank + 1 < active ? rank + 1 : MPI_PROC_NULL;
        const int ncount = static_cast<int>(n);
        const std::ptrdiff_t rows = static_cast<std::ptrdiff_t>(count);
        for (int it = 0; it < iterations; ++it) {
#pragma omp parallel for schedule(static) if (count * n > 10000)
            for (std::ptrdiff_t li = 1; li <= rows; ++li) {
                const std::size_t r = static_cast<std::size_t>(li);
                sweep_row(cur + (r - 1) * n, cur + r * n, cur + (r + 1) * n, nxt + r * n, n);
            }
            std::swap(cur, nxt);
            if (it + 1 == iterations) break;
            // First owned row goes up, the ghost row below comes from the rank below; then the
            // last owned row goes down and the ghost row above comes from the rank above.
            MPI_Sendrecv(cur + n, ncount, MPI_DOUBLE, up, 0, cur + (count + 1) * n, ncount, MPI_DOUBLE, down, 0,
                         MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            MPI_Sendrecv(cur + count * n, ncount, MPI_DOUBLE, down, 1, cur, ncount, MPI_DOUBLE, up, 1,
                         MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        }
        result = cur + n;
        if (rank == 0) std::memcpy(grid.data() + first * n, result, count * n * sizeof(double));
    }

    if (size == 1) return;
    std::vector<int> counts(size), displs(size);
    for (int r = 0; r < size; ++r) {
        std::size_t f = 0, c = 0;
        owned_rows(interior, r, size, f, c);
        counts[r] = static_cast<int>(c * n);
        displs[r] = static_cast<int>(f * n);
    }
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, grid.data(), counts.data(), displs.data(), MPI_DOUBLE, 0,
                    MPI_COMM_WORLD);
    else
        MPI_Gatherv(result, counts[rank], MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0,
                    MPI_COMM_WORLD);
}
