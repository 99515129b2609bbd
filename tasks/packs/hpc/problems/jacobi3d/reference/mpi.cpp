// MPI reference of jacobi3d: 1-D slab decomposition of the n - 2 interior planes (index i; the
// first (n-2) % P ranks own one plane more, ranks beyond n - 2 own none). Every rank keeps its
// planes plus one ghost plane below and above in two local buffers, exchanges ghost planes with its
// neighbours (MPI_Sendrecv) between sweeps, and rank 0 gathers the interior planes with
// MPI_Gatherv at the end. The row kernel multiplies by a precomputed 1/6.
#include <mpi.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <utility>
#include <vector>

namespace {

// Row (i, j) of the next grid from the rows around it in the current one.
void sweep_row(const double *__restrict below, const double *__restrict above, const double *__restrict south,
               const double *__restrict north, const double *__restrict mid, double *__restrict out, std::size_t n) {
    const double sixth = 1.0 / 6.0;
    for (std::size_t k = 1; k + 1 < n; ++k)
        out[k] = (below[k] + above[k] + south[k] + north[k] + mid[k - 1] + mid[k + 1]) * sixth;
}

// Interior planes [first, first + count) (global plane numbers) owned by `rank`.
void owned_planes(std::size_t interior, int rank, int size, std::size_t &first, std::size_t &count) {
    const std::size_t p = static_cast<std::size_t>(size), q = static_cast<std::size_t>(rank);
    const std::size_t base = interior / p, extra = interior % p;
    count = base + (q < extra ? 1 : 0);
    first = 1 + q * base + std::min(q, extra);
}

}  // namespace

void jacobi3d(std::vector<double> &grid, size_t n, int iterations) {
    if (n < 3 || iterations <= 0) return;
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t nn = n * n, interior = n - 2;
    const int active = static_cast<int>(std::min<std::size_t>(interior, static_cast<std::size_t>(size)));

    std::size_t first = 0, count = 0;
    owned_planes(interior, rank, size, first, count);

    std::vector<double> a, b;
    const double *result = grid.data() + first * nn;  // this rank's updated planes when done
    if (count > 0) {
        // Local planes 0 .. count + 1 hold global planes first - 1 .. first + count (ghost, owned, ghost).
        const std::size_t local = (count + 2) * nn;
        a.assign(grid.begin() + static_cast<std::ptrdiff_t>((first - 1) * nn),
                 grid.begin() + static_cast<std::ptrdiff_t>((first - 1) * nn + local));
        b = a;
        double *cur = a.data(), *nxt = b.data();
        const int below = rank > 0 ? rank - 1 : MPI_PROC_NULL;
        const int above = rank + 1 < active ? rank + 1 : MPI_PROC_NULL;
        const int plane = static_cast<int>(nn);
        for (int it = 0; it < iterations; ++it) {
            for (std::size_t li = 1; li <= count; ++li) {
                for (std::size_t j = 1; j + 1 < n; ++j) {
                    const std::size_t c = li * nn + j * n;
                    sweep_row(cur + c - nn, cur + c + nn, cur + c - n, cur + c + n, cur + c, nxt + c, n);
                }
            }
            std::swap(cur, nxt);
            if (it + 1 == iterations) break;
            // First owned plane goes down, the ghost plane above comes from the rank above; then the
            // last owned plane goes up and the ghost plane below comes from the rank below.
            MPI_Sendrecv(cur + nn, plane, MPI_DOUBLE, below, 0, cur + (count + 1) * nn, plane, MPI_DOUBLE, above, 0,
                         MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            MPI_Sendrecv(cur + count * nn, plane, MPI_DOUBLE, above, 1, cur, plane, MPI_DOUBLE, below, 1,
                         MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        }
        result = cur + nn;
        if (rank == 0) std::memcpy(grid.data() + first * nn, result, count * nn * sizeof(double));
    }

    if (size == 1) return;
    std::vector<int> counts(size), displs(size);
    for (int q = 0; q < size; ++q) {
        std::size_t f = 0, c = 0;
        owned_planes(interior, q, size, f, c);
        counts[q] = static_cast<int>(c * nn);
        displs[q] = static_cast<int>(f * nn);
    }
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, grid.data(), counts.data(), displs.data(), MPI_DOUBLE, 0,
                    MPI_COMM_WORLD);
    else
        MPI_Gatherv(result, counts[rank], MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0, MPI_COMM_WORLD);
}
