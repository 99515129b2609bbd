#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

std::vector<std::int64_t> range_min_queries(const std::vector<std::int64_t>& a,
                                            const std::vector<std::pair<std::int64_t, std::int64_t>>& queries) {
    std::vector<std::int64_t> result;
    result.reserve(queries.size());
    for (const auto& [l, r] : queries) {
        std::int64_t best = a[l];
        for (std::int64_t k = l + 1; k <= r; ++k) best = std::min(best, a[k]);
        result.push_back(best);
    }
    return result;
}
