// Serial reference of sssp: Dijkstra's algorithm with a bucket queue (Dial's algorithm). With integer
// weights of at most W, every tentative distance in the queue lies within W of the smallest one, so a
// ring of W + 1 buckets indexed by distance mod (W + 1) replaces the heap: pushes and pops are O(1),
// every vertex is settled once and every edge relaxed once. Stale entries (a vertex whose distance
// dropped after it was queued) are skipped when met. Zero-weight edges push into the current bucket,
// which is scanned by index while it grows. The ring is walked one distance value at a time, so this
// pays off for small W (the tests have W = 1000); for W above 4096 a binary heap is used instead.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

namespace {

constexpr std::int64_t INF = INT64_MAX;
constexpr std::int64_t MAX_RING = std::int64_t(1) << 12;

void dial(const std::size_t *__restrict rp, const std::size_t *__restrict ci,
          const std::int64_t *__restrict w, std::size_t source, std::int64_t *__restrict d, std::size_t ring) {
    std::vector<std::vector<std::size_t>> bucket(ring);
    d[source] = 0;
    bucket[0].push_back(source);
    std::size_t queued = 1;
    for (std::int64_t cur = 0; queued > 0; ++cur) {
        std::vector<std::size_t> &b = bucket[static_cast<std::size_t>(cur) % ring];
        for (std::size_t i = 0; i < b.size(); ++i) {  // b may grow (zero weights) while scanned
            const std::size_t u = b[i];
            if (d[u] != cur) continue;  // stale: u was settled at a smaller distance
            for (std::size_t k = rp[u], end = rp[u + 1]; k < end; ++k) {
                const std::size_t v = ci[k];
                const std::int64_t nd = cur + w[k];
                if (nd < d[v]) {
                    d[v] = nd;
                    bucket[static_cast<std::size_t>(nd) % ring].push_back(v);
                    ++queued;
                }
            }
        }
        queued -= b.size();
        b.clear();
    }
}

void heap_dijkstra(const std::size_t *__restrict rp, const std::size_t *__restrict ci, const std::int64_t *__restrict w,
                   std::size_t source, std::int64_t *__restrict d) {
    using Entry = std::pair<std::int64_t, std::size_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap;
    d[source] = 0;
    heap.push({0, source});
    while (!heap.empty()) {
        const auto [du, u] = heap.top();
        heap.pop();
        if (du != d[u]) continue;
        for (std::size_t k = rp[u], end = rp[u + 1]; k < end; ++k) {
            const std::int64_t nd = du + w[k];
            if (nd < d[ci[k]]) {
                d[ci[k]] = nd;
                heap.push({nd, ci[k]});
            }
        }
    }
}

}  // namespace

void sssp(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
          const std::vector<int64_t> &weight, size_t source, std::vector<int64_t> &dist) {
    const std::size_t *rp = row_ptr.data();
    std::int64_t *d = dist.data();
    for (std::size_t v = 0; v < n; ++v) d[v] = INF;
    std::int64_t maxw = 0;
    for (std::size_t k = 0; k < rp[n]; ++k) maxw = std::max(maxw, weight[k]);
    if (maxw < MAX_RING) dial(rp, col_idx.data(), weight.data(), source, d, static_cast<std::size_t>(maxw) + 1);
    else heap_dijkstra(rp, col_idx.data(), weight.data(), source, d);
    for (std::size_t v = 0; v < n; ++v)
        if (d[v] == INF) d[v] = -1;
}
