// Deliberately wrong sssp: a Dijkstra-like search that fixes a vertex's distance the first time it is
// reached (as breadth-first search would), so a later, cheaper path is never taken.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

void sssp(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
          const std::vector<int64_t> &weight, size_t source, std::vector<int64_t> &dist) {
    dist.assign(n, -1);
    std::priority_queue<std::pair<int64_t, size_t>, std::vector<std::pair<int64_t, size_t>>,
                        std::greater<std::pair<int64_t, size_t>>>
        heap;
    dist[source] = 0;
    heap.push({0, source});
    while (!heap.empty()) {
        const auto [du, u] = heap.top();
        heap.pop();
        for (size_t k = row_ptr[u]; k < row_ptr[u + 1]; ++k) {
            const size_t v = col_idx[k];
            if (dist[v] < 0) {
                dist[v] = du + weight[k];
                heap.push({dist[v], v});
            }
        }
    }
}
