// Sequential baseline of connected_components: vertices are scanned in increasing order, and every
// vertex not yet labelled starts a breadth-first search that labels its whole component with it
// (the first vertex met of a component is its smallest id).
#include <cstddef>
#include <vector>

void connected_components(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
                          std::vector<size_t> &component) {
    const size_t unset = static_cast<size_t>(-1);
    for (size_t v = 0; v < n; ++v) component[v] = unset;
    std::vector<size_t> queue(n);
    for (size_t s = 0; s < n; ++s) {
        if (component[s] != unset) continue;
        component[s] = s;
        size_t head = 0, tail = 0;
        queue[tail++] = s;
        while (head < tail) {
            const size_t u = queue[head++];
            for (size_t k = row_ptr[u]; k < row_ptr[u + 1]; ++k) {
                const size_t v = col_idx[k];
                if (component[v] == unset) {
                    component[v] = s;
                    queue[tail++] = v;
                }
            }
        }
    }
}
