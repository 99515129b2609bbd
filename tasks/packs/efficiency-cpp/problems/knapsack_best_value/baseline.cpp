#include <algorithm>
#include <cstdint>
#include <vector>

// the textbook table: best[i][c] is the best value from the first i items within capacity c
std::int64_t knapsack_best_value(const std::vector<std::int64_t>& weights, const std::vector<std::int64_t>& values,
                                 std::int64_t capacity) {
    const std::size_t n = weights.size();
    std::vector<std::vector<std::int64_t>> best(n + 1, std::vector<std::int64_t>(capacity + 1, 0));
    for (std::size_t i = 0; i < n; ++i) {
        for (std::int64_t c = 0; c <= capacity; ++c) {
            best[i + 1][c] = best[i][c];
            if (weights[i] <= c) best[i + 1][c] = std::max(best[i + 1][c], best[i][c - weights[i]] + values[i]);
        }
    }
    return best[n][capacity];
}
