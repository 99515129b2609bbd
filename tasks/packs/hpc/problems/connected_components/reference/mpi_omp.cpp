// MPI+OpenMP reference of connected_components: every rank runs a lock-free union-find (OpenMP threads,
// dynamic row chunks, a compare-and-swap hooks the larger root under the smaller, finds halve paths
// with relaxed atomics) over the edges of one block of rows, balanced by nonzeros; each undirected
// edge is handled once, from its larger end. parent[v] <= v always, so a root is its component's
// smallest id. The partial forests are merged up a binary tree: a sender resolves its forest into
// labels and sends them, a receiver unites (in parallel) every vertex v with the sender's label of v.
// Rank 0 holds the highest block and rank q the block size-1-q, so a sender's forest touches only the
// ids below the end of its highest block: only that prefix travels, as 32-bit labels when n allows.
// MPI is called only outside the parallel regions.
#include <mpi.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr std::size_t PAR_MIN = 20000;

inline std::size_t load(const std::size_t *p) { return __atomic_load_n(p, __ATOMIC_RELAXED); }

// Root of x; halves the path on the way (a written grandparent is always an ancestor; roots are never
// written here).
inline std::size_t find_root(std::size_t *parent, std::size_t x) {
    for (;;) {
        const std::size_t p = load(parent + x);
        if (p == x) return x;
        const std::size_t g = load(parent + p);
        if (g != p) __atomic_store_n(parent + x, g, __ATOMIC_RELAXED);
        x = g;
    }
}

inline void unite(std::size_t *parent, std::size_t a, std::size_t b) {
    for (;;) {
        a = find_root(parent, a);
        b = find_root(parent, b);
        if (a == b) return;
        if (a < b) std::swap(a, b);
        std::size_t expected = a;  // hook root a (the larger) under b, if a is still a root
        if (__atomic_compare_exchange_n(parent + a, &expected, b, false, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) return;
    }
}

// parent[v] becomes v's root for v < extent.
void resolve(std::size_t *parent, std::size_t extent) {
    const std::ptrdiff_t e = static_cast<std::ptrdiff_t>(extent);
#pragma omp parallel for schedule(static) if (extent > PAR_MIN)
    for (std::ptrdiff_t v = 0; v < e; ++v)
        __atomic_store_n(parent + v, find_root(parent, static_cast<std::size_t>(v)), __ATOMIC_RELAXED);
}

// Rows [lo, hi) of block b out of p blocks, balanced by nonzeros.
void row_block(const std::size_t *rp, std::size_t n, std::size_t b, std::size_t p, std::size_t &lo, std::size_t &hi) {
    const std::size_t nnz = rp[n];
    lo = b == 0 ? 0 : static_cast<std::size_t>(std::lower_bound(rp, rp + n + 1, nnz * b / p) - rp);
    hi = b + 1 == p ? n : static_cast<std::size_t>(std::lower_bound(rp, rp + n + 1, nnz * (b + 1) / p) - rp);
}

template <class T> MPI_Datatype mpi_type();
template <> MPI_Datatype mpi_type<std::uint32_t>() { return MPI_UINT32_T; }
template <> MPI_Datatype mpi_type<std::uint64_t>() { return MPI_UINT64_T; }

// The tree merge, with labels sent as T (wide enough for every id below n).
template <class T>
void merge_tree(std::size_t *parent, std::size_t extent, const std::size_t *rp, std::size_t n, int rank, int size) {
    std::vector<T> buf;
    const std::size_t p = static_cast<std::size_t>(size);
    for (int step = 1; step < size; step <<= 1) {
        if (rank % (2 * step) == step) {  // send my labels (the touched prefix) to my partner, and stop
            resolve(parent, extent);
            buf.resize(extent);
            T *b = buf.data();
            const std::ptrdiff_t e = static_cast<std::ptrdiff_t>(extent);
#pragma omp parallel for schedule(static) if (extent > PAR_MIN)
            for (std::ptrdiff_t v = 0; v < e; ++v) b[v] = static_cast<T>(parent[v]);
            MPI_Send(b, static_cast<int>(extent), mpi_type<T>(), rank - step, 0, MPI_COMM_WORLD);
            return;
        }
        const int partner = rank + step;
        if (partner < size) {  // rank % (2 * step) == 0: the partner merged ranks partner .. partner + step - 1
            std::size_t lo = 0, hi = 0;
            row_block(rp, n, p - 1 - static_cast<std::size_t>(partner), p, lo, hi);
            buf.resize(hi);
            T *b = buf.data();
            MPI_Recv(b, static_cast<int>(hi), mpi_type<T>(), partner, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            const std::ptrdiff_t h = static_cast<std::ptrdiff_t>(hi);
#pragma omp parallel for schedule(dynamic, 4096) if (hi > PAR_MIN)
            for (std::ptrdiff_t v = 0; v < h; ++v)
                if (b[v] != static_cast<T>(v)) unite(parent, static_cast<std::size_t>(v), b[v]);
            extent = std::max(extent, hi);
        }
    }
    resolve(parent, extent);
}

}  // namespace

void connected_components(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
                          std::vector<size_t> &component) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t *__restrict rp = row_ptr.data();
    const std::size_t *__restrict ci = col_idx.data();
    std::size_t *parent = component.data();  // every rank's own copy serves as its parent array

    std::size_t lo = 0, hi = 0;
    row_block(rp, n, static_cast<std::size_t>(size - 1 - rank), static_cast<std::size_t>(size), lo, hi);
    const std::ptrdiff_t nn = static_cast<std::ptrdiff_t>(n);
    const std::ptrdiff_t a = static_cast<std::ptrdiff_t>(lo), b = static_cast<std::ptrdiff_t>(hi);
#pragma omp parallel if (n > PAR_MIN)
    {
#pragma omp for schedule(static)
        for (std::ptrdiff_t v = 0; v < nn; ++v) parent[v] = static_cast<std::size_t>(v);
#pragma omp for schedule(dynamic, 1024)
        for (std::ptrdiff_t uu = a; uu < b; ++uu) {
            const std::size_t u = static_cast<std::size_t>(uu);
            for (std::size_t k = rp[u], end = rp[u + 1]; k < end; ++k) {
                const std::size_t v = ci[k];
                if (v >= u) break;  // rows are sorted: larger ends are handled from their own rows
                unite(parent, u, v);
            }
        }
    }
    // Only ids below hi can have been touched (every edge handled here has both ends below hi).
    if (n <= 0xffffffffu) merge_tree<std::uint32_t>(parent, hi, rp, n, rank, size);
    else merge_tree<std::uint64_t>(parent, hi, rp, n, rank, size);
}
