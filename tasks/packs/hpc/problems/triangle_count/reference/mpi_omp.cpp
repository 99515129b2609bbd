// MPI+OpenMP reference of triangle_count: every triangle u < v < w is counted once from its smallest
// vertex. The vertices u are split into one contiguous block per rank holding about the same number
// of adjacency entries; inside a rank the block is handed out to the threads in dynamic chunks. Each
// thread flags u's upper neighbours (those larger than u: a suffix of the sorted row) in its own byte
// array, sums the flags of the upper neighbours of every upper neighbour v of u (branch-free) and
// clears them again. An OpenMP reduction and then MPI_Reduce sum the counts on rank 0.
#include <mpi.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

size_t triangle_count(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t *__restrict rp = row_ptr.data();
    const std::size_t *__restrict ci = col_idx.data();
    const std::size_t nnz = rp[n], r = static_cast<std::size_t>(rank), p = static_cast<std::size_t>(size);
    const std::size_t lo = rank == 0 ? 0 : static_cast<std::size_t>(std::lower_bound(rp, rp + n + 1, nnz * r / p) - rp);
    const std::size_t hi =
        rank + 1 == size ? n : static_cast<std::size_t>(std::lower_bound(rp, rp + n + 1, nnz * (r + 1) / p) - rp);
    const std::ptrdiff_t a_lo = static_cast<std::ptrdiff_t>(lo), a_hi = static_cast<std::ptrdiff_t>(hi);

    std::uint64_t count = 0;
#pragma omp parallel reduction(+ : count) if (rp[hi] - rp[lo] > 50000)
    {
        std::vector<std::uint8_t> flag(n, 0);
        std::uint8_t *__restrict f = flag.data();
#pragma omp for schedule(dynamic, 1024) nowait
        for (std::ptrdiff_t uu = a_lo; uu < a_hi; ++uu) {
            const std::size_t u = static_cast<std::size_t>(uu);
            const std::size_t a1 = rp[u + 1];
            std::size_t a0 = a1;
            while (a0 > rp[u] && ci[a0 - 1] > u) f[ci[--a0]] = 1;  // flag u's upper neighbours
            if (a1 - a0 >= 2) {
                for (std::size_t a = a0; a < a1; ++a) {
                    const std::size_t v = ci[a];
                    const std::size_t b0 = rp[v];
                    std::uint64_t c = 0;
                    for (std::size_t b = rp[v + 1]; b > b0 && ci[b - 1] > v; --b) c += f[ci[b - 1]];
                    count += c;
                }
            }
            for (std::size_t a = a0; a < a1; ++a) f[ci[a]] = 0;
        }
    }
    std::uint64_t total = 0;
    MPI_Reduce(&count, &total, 1, MPI_UINT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
    return static_cast<size_t>(total);
}
