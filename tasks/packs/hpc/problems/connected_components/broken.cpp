// Deliberately wrong connected_components: union-find whose result is read from the parent array
// without the final find, so a vertex deeper than one link below its root gets an intermediate label.
#include <cstddef>
#include <vector>

namespace {

size_t find_root(std::vector<size_t> &parent, size_t x) {
    while (parent[x] != x) x = parent[x];
    return x;
}

}  // namespace

void connected_components(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
                          std::vector<size_t> &component) {
    std::vector<size_t> parent(n);
    for (size_t v = 0; v < n; ++v) parent[v] = v;
    for (size_t u = 0; u < n; ++u)
        for (size_t k = row_ptr[u]; k < row_ptr[u + 1]; ++k) {
            const size_t a = find_root(parent, u), b = find_root(parent, col_idx[k]);
            if (a < b) parent[b] = a;
            else if (b < a) parent[a] = b;
        }
    for (size_t v = 0; v < n; ++v) component[v] = parent[v];
}
