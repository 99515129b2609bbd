// Deliberately wrong triangle_count: the intersection stops one entry early in v's row, so a triangle
// whose third vertex is v's largest neighbour is missed.
#include <cstddef>
#include <vector>

size_t triangle_count(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx) {
    size_t count = 0;
    for (size_t u = 0; u < n; ++u)
        for (size_t a = row_ptr[u]; a < row_ptr[u + 1]; ++a) {
            const size_t v = col_idx[a];
            if (v <= u) continue;
            size_t i = a + 1, j = row_ptr[v];
            while (i < row_ptr[u + 1] && j + 1 < row_ptr[v + 1]) {
                if (col_idx[i] == col_idx[j]) {
                    ++count;
                    ++i;
                    ++j;
                } else if (col_idx[i] < col_idx[j]) {
                    ++i;
                } else {
                    ++j;
                }
            }
        }
    return count;
}
