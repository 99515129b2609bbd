// Sequential baseline of sssp: Bellman-Ford. Every round relaxes all edges out of every reached vertex
// (in place, in vertex order), until a round changes nothing or n - 1 rounds have run.
#include <cstddef>
#include <cstdint>
#include <vector>

void sssp(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
          const std::vector<int64_t> &weight, size_t source, std::vector<int64_t> &dist) {
    const int64_t INF = INT64_MAX;
    for (size_t v = 0; v < n; ++v) dist[v] = INF;
    dist[source] = 0;
    for (size_t round = 0; round + 1 < n; ++round) {
        bool changed = false;
        for (size_t u = 0; u < n; ++u) {
            if (dist[u] == INF) continue;
            for (size_t k = row_ptr[u]; k < row_ptr[u + 1]; ++k) {
                const int64_t nd = dist[u] + weight[k];
                if (nd < dist[col_idx[k]]) {
                    dist[col_idx[k]] = nd;
                    changed = true;
                }
            }
        }
        if (!changed) break;
    }
    for (size_t v = 0; v < n; ++v)
        if (dist[v] == INF) dist[v] = -1;
}
