// MPI+OpenMP reference of game_of_life: 1-D row decomposition over the ranks (the first m % P ranks
// own one row more). Every rank copies its rows plus one ghost row above and below into two padded
// grids with dead cells around them (no bounds checks; a branch-free vectorized row kernel),
// splits its rows statically over its threads in every generation, exchanges ghost rows with its
// neighbours (MPI_Sendrecv, outside the parallel loops) between generations, and rank 0 gathers the
// rows with MPI_Gatherv at the end.
#include <mpi.h>

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace {

// One row of the next generation; up, mid, dn and out are padded rows (index 0 and n + 1 dead).
void life_row(const int *__restrict up, const int *__restrict mid, const int *__restrict dn, int *__restrict out,
              std::size_t n) {
    for (std::size_t j = 1; j <= n; ++j) {
        const int s = up[j - 1] + up[j] + up[j + 1] + mid[j - 1] + mid[j + 1] + dn[j - 1] + dn[j] + dn[j + 1];
        out[j] = (s == 3) | ((s == 2) & mid[j]);
    }
}

// Rows [first, first + count) owned by `rank`.
void owned_rows(std::size_t m, int rank, int size, std::size_t &first, std::size_t &count) {
    const std::size_t p = static_cast<std::size_t>(size), q = static_cast<std::size_t>(rank);
    const std::size_t base = m / p, extra = m % p;
    count = base + (q < extra ? 1 : 0);
    first = q * base + std::min(q, extra);
}

}  // namespace

void game_of_life(std::vector<int> &cells, size_t m, size_t n, int generations) {
    if (m == 0 || n == 0 || generations <= 0) return;
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const int active = static_cast<int>(std::min<std::size_t>(m, static_cast<std::size_t>(size)));
    std::size_t first = 0, count = 0;
    owned_rows(m, rank, size, first, count);

    const std::size_t w = n + 2;  // padded row length
    std::vector<int> a, b;
    const int *result = nullptr;  // this rank's rows (padded) when done
    if (count > 0) {
        // Local padded rows 0 .. count + 1 hold global rows first - 1 .. first + count (dead outside the grid).
        a.assign((count + 2) * w, 0);
        b.assign((count + 2) * w, 0);
        const std::size_t g0 = first > 0 ? first - 1 : 0, g1 = std::min(m, first + count + 1);
        for (std::size_t g = g0; g < g1; ++g) std::copy_n(&cells[g * n], n, &a[(g + 1 - first) * w + 1]);
        int *cur = a.data(), *nxt = b.data();
        const int up = rank > 0 ? rank - 1 : MPI_PROC_NULL;
        const int down = rank + 1 < active ? rank + 1 : MPI_PROC_NULL;
        const int row = static_cast<int>(n);
        const std::ptrdiff_t rows = static_cast<std::ptrdiff_t>(count);
        for (int g = 0; g < generations; ++g) {
#pragma omp parallel for schedule(static) if (count * n > 20000)
            for (std::ptrdiff_t li = 1; li <= rows; ++li) {
                const std::size_t i = static_cast<std::size_t>(li);
                life_row(cur + (i - 1) * w, cur + i * w, cur + (i + 1) * w, nxt + i * w, n);
            }
            std::swap(cur, nxt);
            if (g + 1 == generations) break;
            // First owned row goes up, the ghost row below comes from the rank below; then the last
            // owned row goes down and the ghost row above comes from the rank above.
            MPI_Sendrecv(cur + w + 1, row, MPI_INT, up, 0, cur + (count + 1) * w + 1, row, MPI_INT,
                         down, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            MPI_Sendrecv(cur + count * w + 1, row, MPI_INT, down, 1, cur + 1, row, MPI_INT, up, 1,
                         MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        }
        result = cur;
    }

    if (rank == 0) {
        for (std::size_t i = 0; i < count; ++i) std::copy_n(result + (i + 1) * w + 1, n, &cells[(first + i) * n]);
    }
    if (size == 1) return;
    // Non-root ranks send their rows unpadded, in one contiguous block.
    std::vector<int> packed;
    if (rank != 0) {
        packed.resize(count * n);
        for (std::size_t i = 0; i < count; ++i) std::copy_n(result + (i + 1) * w + 1, n, &packed[i * n]);
    }
    std::vector<int> counts(size), displs(size);
    for (int q = 0; q < size; ++q) {
        std::size_t f = 0, c = 0;
        owned_rows(m, q, size, f, c);
        counts[q] = static_cast<int>(c * n);
        displs[q] = static_cast<int>(f * n);
    }
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_INT, cells.data(), counts.data(), displs.data(), MPI_INT,
                    0, MPI_COMM_WORLD);
    else
        MPI_Gatherv(packed.data(), counts[rank], MPI_INT, nullptr, nullptr, nullptr, MPI_INT, 0,
                    MPI_COMM_WORLD);
}
