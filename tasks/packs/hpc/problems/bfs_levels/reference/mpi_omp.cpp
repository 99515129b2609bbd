// MPI+OpenMP reference of bfs_levels: level-synchronous, direction-optimizing BFS on the replicated graph.
// Every rank keeps the same distances and frontier bitmap and owns a block of 64-vertex words.
// Top-down levels: each rank expands the frontier vertices in its words and marks what it discovers
// in a full-length bitmap; an MPI_Allreduce (bitwise or) merges the ranks' bitmaps. Bottom-up levels:
// each rank checks its own unvisited vertices against the frontier and fills its words of the next
// bitmap; an MPI_Allgatherv assembles it. Every rank then applies the next frontier to its copy of
// the distances, so all ranks take the same direction decisions and rank 0 ends with every distance.
// Inside a rank every pass is an OpenMP loop (word blocks; top-down marks use an atomic or); MPI is
// called only outside the parallel regions.
#include <mpi.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr std::size_t ALPHA = 15;  // top-down -> bottom-up when frontier edges > unexplored edges / ALPHA
constexpr std::size_t BETA = 18;   // bottom-up -> top-down when the frontier shrinks below n / BETA

inline bool test_bit(const std::uint64_t *bits, std::size_t v) { return (bits[v >> 6] >> (v & 63)) & 1u; }

// Block [lo, hi) of n items owned by `rank` out of `size` ranks (sizes differ by at most one).
void block_range(std::size_t n, int rank, int size, std::size_t &lo, std::size_t &hi) {
    const std::size_t p = static_cast<std::size_t>(size), r = static_cast<std::size_t>(rank);
    const std::size_t base = n / p, extra = n % p;
    lo = r * base + (r < extra ? r : extra);
    hi = lo + base + (r < extra ? 1 : 0);
}

}  // namespace

void bfs_levels(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx, size_t source,
                std::vector<int64_t> &dist) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t *__restrict rp = row_ptr.data();
    const std::size_t *__restrict ci = col_idx.data();
    std::int64_t *__restrict d = dist.data();
    const bool par = n > 20000;
    const std::ptrdiff_t nn = static_cast<std::ptrdiff_t>(n);
#pragma omp parallel for schedule(static) if (par)
    for (std::ptrdiff_t v = 0; v < nn; ++v) d[v] = -1;
    if (n == 0) return;

    const std::size_t words = (n + 63) / 64;
    std::size_t wlo = 0, whi = 0;
    block_range(words, rank, size, wlo, whi);
    std::vector<int> counts(size), displs(size);
    for (int q = 0; q < size; ++q) {
        std::size_t a = 0, b = 0;
        block_range(words, q, size, a, b);
        counts[q] = static_cast<int>(b - a);
        displs[q] = static_cast<int>(a);
    }

    std::vector<std::uint64_t> frontv(words, 0), nextv(words, 0);
    std::uint64_t *front = frontv.data(), *next = nextv.data();
    d[source] = 0;
    front[source >> 6] |= std::uint64_t(1) << (source & 63);
    std::size_t frontier_count = 1, prev_count = 0;
    std::size_t frontier_edges = rp[source + 1] - rp[source];
    std::size_t unexplored_edges = rp[n] - frontier_edges;
    bool bottom_up = false;

    for (std::int64_t level = 1; frontier_count > 0; ++level) {
        if (!bottom_up && frontier_edges > unexplored_edges / ALPHA) bottom_up = true;
        else if (bottom_up && frontier_count < n / BETA && frontier_count < prev_count) bottom_up = false;

        if (bottom_up) {
            const std::ptrdiff_t a = static_cast<std::ptrdiff_t>(wlo), b = static_cast<std::ptrdiff_t>(whi);
#pragma omp parallel for schedule(dynamic, 256) if (par)
            for (std::ptrdiff_t ww = a; ww < b; ++ww) {
                const std::size_t w = static_cast<std::size_t>(ww);
                std::uint64_t word = 0;
                const std::size_t v0 = w * 64, v1 = std::min(n, v0 + 64);
                for (std::size_t v = v0; v < v1; ++v) {
                    if (d[v] >= 0) continue;
                    for (std::size_t k = rp[v], end = rp[v + 1]; k < end; ++k)
                        if (test_bit(front, ci[k])) {
                            word |= std::uint64_t(1) << (v - v0);
                            break;
                        }
                }
                next[w] = word;
            }
            if (size > 1)
                MPI_Allgatherv(MPI_IN_PLACE, 0, MPI_UINT64_T, next, counts.data(), displs.data(), MPI_UINT64_T,
                               MPI_COMM_WORLD);
        } else {
            const std::ptrdiff_t nw = static_cast<std::ptrdiff_t>(words);
            const std::ptrdiff_t a = static_cast<std::ptrdiff_t>(wlo), b = static_cast<std::ptrdiff_t>(whi);
            const bool big = par && frontier_edges > 20000;
#pragma omp parallel if (big)
            {
#pragma omp for schedule(static)
                for (std::ptrdiff_t w = 0; w < nw; ++w) next[w] = 0;
#pragma omp for schedule(dynamic, 64)
                for (std::ptrdiff_t w = a; w < b; ++w)
                    for (std::uint64_t bits = front[w]; bits; bits &= bits - 1) {
                        const std::size_t u = static_cast<std::size_t>(w) * 64 + static_cast<std::size_t>(__builtin_ctzll(bits));
                        for (std::size_t k = rp[u], end = rp[u + 1]; k < end; ++k) {
                            const std::size_t v = ci[k];
                            if (d[v] < 0) __atomic_fetch_or(&next[v >> 6], std::uint64_t(1) << (v & 63), __ATOMIC_RELAXED);
                        }
                    }
            }
            if (size > 1)
                MPI_Allreduce(MPI_IN_PLACE, next, static_cast<int>(words), MPI_UINT64_T, MPI_BOR, MPI_COMM_WORLD);
        }

        // Apply the next frontier on every rank (identical data, identical results).
        std::size_t count = 0, edges = 0;
        const std::ptrdiff_t nw = static_cast<std::ptrdiff_t>(words);
#pragma omp parallel for schedule(static) reduction(+ : count, edges) if (par)
        for (std::ptrdiff_t w = 0; w < nw; ++w)
            for (std::uint64_t b = next[w]; b; b &= b - 1) {
                const std::size_t v = static_cast<std::size_t>(w) * 64 + static_cast<std::size_t>(__builtin_ctzll(b));
                d[v] = level;
                ++count;
                edges += rp[v + 1] - rp[v];
            }
        std::swap(front, next);
        prev_count = frontier_count;
        frontier_count = count;
        frontier_edges = edges;
        unexplored_edges -= edges < unexplored_edges ? edges : unexplored_edges;
    }
}
