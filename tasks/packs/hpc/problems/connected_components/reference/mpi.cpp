// MPI reference of connected_components: every rank runs union-find over the edges of one block of rows
// (blocks balanced by nonzeros; each undirected edge is handled once, from its larger end) in a
// full-length parent array. Unions hook the larger root under the smaller and finds halve paths, so
// parent[v] <= v always and a root is its component's smallest id. The partial forests are merged up
// a binary tree: a sender resolves its forest into labels and sends them, a receiver unites every
// vertex v with the sender's label of v. Rank 0 holds the highest block of rows and rank q the block
// size-1-q, so a sender's forest touches only the ids below the end of its highest block: only that
// prefix travels, as 32-bit labels when n allows. Rank 0 ends with the labels of the whole graph.
#include <mpi.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

inline std::size_t find_root(std::size_t *parent, std::size_t x) {
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

inline void unite(std::size_t *parent, std::size_t a, std::size_t b) {
    a = find_root(parent, a);
    b = find_root(parent, b);
    if (a < b) parent[b] = a;
    else if (b < a) parent[a] = b;
}

// parent[v] becomes v's root for v < extent (parent[v] <= v, so an increasing pass sees final values).
void resolve(std::size_t *parent, std::size_t extent) {
    for (std::size_t v = 0; v < extent; ++v) parent[v] = parent[parent[v]];
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
            for (std::size_t v = 0; v < extent; ++v) buf[v] = static_cast<T>(parent[v]);
            MPI_Send(buf.data(), static_cast<int>(extent), mpi_type<T>(), rank - step, 0, MPI_COMM_WORLD);
            return;
        }
        const int partner = rank + step;
        if (partner < size) {  // rank % (2 * step) == 0: the partner merged ranks partner .. partner + step - 1
            std::size_t lo = 0, hi = 0;
            row_block(rp, n, p - 1 - static_cast<std::size_t>(partner), p, lo, hi);
            buf.resize(hi);
            MPI_Recv(buf.data(), static_cast<int>(hi), mpi_type<T>(), partner, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            for (std::size_t v = 0; v < hi; ++v)
                if (buf[v] != v) unite(parent, v, buf[v]);
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
    for (std::size_t v = 0; v < n; ++v) parent[v] = v;
    for (std::size_t u = lo; u < hi; ++u)
        for (std::size_t k = rp[u], end = rp[u + 1]; k < end; ++k) {
            const std::size_t v = ci[k];
            if (v >= u) break;  // rows are sorted: larger ends are handled from their own rows
            unite(parent, u, v);
        }
    // Only ids below hi can have been touched (every edge handled here has both ends below hi).
    if (n <= 0xffffffffu) merge_tree<std::uint32_t>(parent, hi, rp, n, rank, size);
    else merge_tree<std::uint64_t>(parent, hi, rp, n, rank, size);
}
