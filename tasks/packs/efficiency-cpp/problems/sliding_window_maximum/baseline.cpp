#include <algorithm>
#include <cstdint>
#include <vector>

std::vector<std::int64_t> sliding_window_maximum(const std::vector<std::int64_t>& a, std::int64_t k) {
    std::vector<std::int64_t> result;
    const std::size_t n = a.size(), width = static_cast<std::size_t>(k);
    for (std::size_t i = 0; i + width <= n; ++i) {
        std::int64_t best = a[i];
        for (std::size_t j = i + 1; j < i + width; ++j) best = std::max(best, a[j]);
        result.push_back(best);
    }
    return result;
}
