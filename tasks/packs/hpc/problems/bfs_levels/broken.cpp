// Deliberately wrong bfs_levels: the last neighbour of every vertex is never looked at, so some
// vertices are found late (too large a distance) or not at all.
#include <cstddef>
#include <cstdint>
#include <vector>

void bfs_levels(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx, size_t source,
                std::vector<int64_t> &dist) {
    dist.assign(n, -1);
    std::vector<size_t> frontier{source}, next;
    dist[source] = 0;
    for (int64_t level = 1; !frontier.empty(); ++level) {
        next.clear();
        for (size_t u : frontier)
            for (size_t k = row_ptr[u]; k + 1 < row_ptr[u + 1]; ++k)
                if (dist[col_idx[k]] < 0) {
                    dist[col_idx[k]] = level;
                    next.push_back(col_idx[k]);
                }
        frontier.swap(next);
    }
}
