// OpenMP reference of connected_components: lock-free union-find. Threads take rows in dynamic
// chunks and unite every edge once (from its larger end); a union hooks the larger root under the
// smaller one with a compare-and-swap on the root's parent (retrying when another thread hooked it
// first), and finds use path halving with relaxed atomic accesses. parent[v] <= v holds throughout,
// so each root is its component's smallest id; a final parallel pass resolves every vertex's root.
#include <cstddef>
#include <vector>

namespace {

inline std::size_t load(const std::size_t *p) { return __atomic_load_n(p, __ATOMIC_RELAXED); }

// Root of x; halves the path on the way (the written grandparent is always an ancestor, so a stale
// write is harmless, and roots are never written here).
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
        if (a < b) {
            const std::size_t t = a;
            a = b;
            b = t;
        }
        std::size_t expected = a;  // hook root a (the larger) under b, if a is still a root
        if (__atomic_compare_exchange_n(parent + a, &expected, b, false, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) return;
    }
}

}  // namespace

void connected_components(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
                          std::vector<size_t> &component) {
    const std::size_t *__restrict rp = row_ptr.data();
    const std::size_t *__restrict ci = col_idx.data();
    std::size_t *parent = component.data();  // the parent array lives in the output
    const std::ptrdiff_t nn = static_cast<std::ptrdiff_t>(n);
#pragma omp parallel if (n > 20000)
    {
#pragma omp for schedule(static)
        for (std::ptrdiff_t v = 0; v < nn; ++v) parent[v] = static_cast<std::size_t>(v);
#pragma omp for schedule(dynamic, 1024)
        for (std::ptrdiff_t uu = 0; uu < nn; ++uu) {
            const std::size_t u = static_cast<std::size_t>(uu);
            for (std::size_t k = rp[u], end = rp[u + 1]; k < end; ++k) {
                const std::size_t v = ci[k];
                if (v >= u) break;  // rows are sorted: larger ends are handled from their own rows
                unite(parent, u, v);
            }
        }
#pragma omp for schedule(static)
        for (std::ptrdiff_t v = 0; v < nn; ++v) {
            const std::size_t r = find_root(parent, static_cast<std::size_t>(v));
            __atomic_store_n(parent + v, r, __ATOMIC_RELAXED);
        }
    }
}
