// Sequential baseline of triangle_count: every triangle u < v < w is counted once, from its smallest
// vertex u and edge (u, v): the neighbours of u after v are merged with the whole neighbour list of v.
#include <cstddef>
#include <vector>

size_t triangle_count(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx) {
    size_t count = 0;
    for (size_t u = 0; u < n; ++u) {
        for (size_t a = row_ptr[u]; a < row_ptr[u + 1]; ++a) {
            const size_t v = col_idx[a];
            if (v <= u) continue;
            // common neighbours w of u and v with w > v (the entries of u's row after v are all > v)
            size_t i = a + 1, j = row_ptr[v];
            const size_t iend = row_ptr[u + 1], jend = row_ptr[v + 1];
            while (i < iend && j < jend) {
                if (col_idx[i] < col_idx[j]) {
                    ++i;
                } else if (col_idx[i] > col_idx[j]) {
                    ++j;
                } else {
                    ++count;
                    ++i;
                    ++j;
                }
            }
        }
    }
    return count;
}
