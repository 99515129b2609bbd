// Kokkos reference of connected_components: lock-free union-find in the output array; a dynamic-schedule parallel_for unites each edge once (from its larger end) by hooking the larger root under the smaller with Kokkos::atomic_compare_exchange, finds halve paths; a final static pass stores every root.
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <vector>

namespace {

// Word-sized single loads and stores, never torn; other threads' stale values are harmless here.
inline std::size_t read(const std::size_t *p) { return *static_cast<const volatile std::size_t *>(p); }
inline void write(std::size_t *p, std::size_t v) { *static_cast<volatile std::size_t *>(p) = v; }

// Root of x with path halving: the grandparent written is always an ancestor (parent[v] <= v holds
// throughout), and roots are never written here.
inline std::size_t find_root(std::size_t *parent, std::size_t x) {
    for (;;) {
        const std::size_t p = read(parent + x);
        if (p == x) return x;
        const std::size_t g = read(parent + p);
        if (g != p) write(parent + x, g);
        x = g;
    }
}

// Joins the sets of a and b: the larger root goes under the smaller one, if it is still a root.
inline void unite(std::size_t *parent, std::size_t a, std::size_t b) {
    for (;;) {
        a = find_root(parent, a);
        b = find_root(parent, b);
        if (a == b) return;
        if (a < b) {
            const std::size_t t = a;
            a = b;
            b = t;
        }
        if (Kokkos::atomic_compare_exchange(parent + a, a, b) == a) return;
    }
}

}  // namespace

void connected_components(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
                          std::vector<size_t> &component) {
    const std::size_t *rp = row_ptr.data();
    const std::size_t *ci = col_idx.data();
    std::size_t *parent = component.data();  // the forest lives in the output
    if (n <= 20000) {
        for (std::size_t v = 0; v < n; ++v) parent[v] = v;
        for (std::size_t u = 0; u < n; ++u)
            for (std::size_t k = rp[u], end = rp[u + 1]; k < end && ci[k] < u; ++k) unite(parent, u, ci[k]);
        for (std::size_t v = 0; v < n; ++v) parent[v] = find_root(parent, v);
        return;
    }
    using Exec = Kokkos::DefaultHostExecutionSpace;
    Kokkos::parallel_for(
        "cc_init", Kokkos::RangePolicy<Exec>(0, n), KOKKOS_LAMBDA(const std::size_t v) { parent[v] = v; });
    Kokkos::fence();
    Kokkos::parallel_for(
        "cc_unite", Kokkos::RangePolicy<Exec, Kokkos::Schedule<Kokkos::Dynamic>>(0, n, Kokkos::ChunkSize(1024)),
        KOKKOS_LAMBDA(const std::size_t u) {
            // rows are sorted: edges to larger ids are handled from the other end's row
            for (std::size_t k = rp[u], end = rp[u + 1]; k < end && ci[k] < u; ++k) unite(parent, u, ci[k]);
        });
    Kokkos::fence();
    Kokkos::parallel_for(
        "cc_resolve", Kokkos::RangePolicy<Exec>(0, n),
        KOKKOS_LAMBDA(const std::size_t v) { write(parent + v, find_root(parent, v)); });
    Kokkos::fence();
}
