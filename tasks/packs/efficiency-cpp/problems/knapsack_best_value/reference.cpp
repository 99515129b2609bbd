#include <algorithm>
#include <cstdint>
#include <vector>

// One row instead of the (n + 1) x (capacity + 1) table: best[c] is the best value within capacity c from the items
// seen so far. Walking c downward lets best[c - w] still hold the previous row's value when best[c] is updated, so
// each item is used at most once; the row (8 * (capacity + 1) bytes) stays in cache and nothing else is written.
// Capacities above the total weight of the items seen so far all hold the same value (every set of those items
// fits), so the row is kept only up to reach = min(capacity, that total): a new item first copies best[reach] into
// the capacities it brings into reach, then walks c down from the new reach. The answer is best[reach].
std::int64_t knapsack_best_value(const std::vector<std::int64_t>& weights, const std::vector<std::int64_t>& values,
                                 std::int64_t capacity) {
    const std::size_t n = weights.size();
    std::vector<std::int64_t> row(static_cast<std::size_t>(capacity) + 1, 0);
    std::int64_t* best = row.data();
    std::int64_t reach = 0;  // min(capacity, the total weight so far): best[c] is kept for c <= reach
    for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t w = weights[i], v = values[i];
        if (w > capacity) continue;
        const std::int64_t grown = std::min(capacity, reach + w);
        for (std::int64_t c = reach + 1; c <= grown; ++c) best[c] = best[reach];
        reach = grown;
        if (w == 0) {
            for (std::int64_t c = 0; c <= reach; ++c) best[c] += v;
            continue;
        }
        for (std::int64_t c = reach; c >= w; --c) {
            const std::int64_t take = best[c - w] + v;
            best[c] = take > best[c] ? take : best[c];
        }
    }
    return best[reach];
}
