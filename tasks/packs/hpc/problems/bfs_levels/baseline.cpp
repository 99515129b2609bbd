// Sequential baseline of bfs_levels: textbook queue-based BFS from the source; a vertex gets its
// distance when it is first discovered.
#include <cstddef>
#include <cstdint>
#include <vector>

void bfs_levels(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx, size_t source,
                std::vector<int64_t> &dist) {
    for (size_t v = 0; v < n; ++v) dist[v] = -1;
    std::vector<size_t> queue(n);
    size_t head = 0, tail = 0;
    dist[source] = 0;
    queue[tail++] = source;
    while (head < tail) {
        const size_t u = queue[head++];
        for (size_t k = row_ptr[u]; k < row_ptr[u + 1]; ++k) {
            const size_t v = col_idx[k];
            if (dist[v] < 0) {
                dist[v] = dist[u] + 1;
                queue[tail++] = v;
            }
        }
    }
}
