// Serial reference of connected_components: union-find over the edges (each undirected edge once, from
// its larger end). A union hooks the larger root under the smaller one, and finds use path halving,
// so parent[v] <= v always holds and every root is its tree's smallest id; the final labels then
// come out in one increasing pass, label(v) = label(parent(v)).
#include <cstddef>
#include <vector>

namespace {

inline std::size_t find_root(std::size_t *parent, std::size_t x) {
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

}  // namespace

void connected_components(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
                          std::vector<size_t> &component) {
    const std::size_t *__restrict rp = row_ptr.data();
    const std::size_t *__restrict ci = col_idx.data();
    std::size_t *parent = component.data();  // the parent array lives in the output
    for (std::size_t v = 0; v < n; ++v) parent[v] = v;
    for (std::size_t u = 0; u < n; ++u) {
        for (std::size_t k = rp[u], end = rp[u + 1]; k < end; ++k) {
            const std::size_t v = ci[k];
            if (v >= u) break;  // rows are sorted: the rest are larger ends, handled from their own row
            std::size_t a = find_root(parent, u), b = find_root(parent, v);
            if (a == b) continue;
            if (a < b) parent[b] = a;
            else parent[a] = b;
        }
    }
    for (std::size_t v = 0; v < n; ++v) parent[v] = parent[parent[v]];  // parent[v] < v is final already
}
