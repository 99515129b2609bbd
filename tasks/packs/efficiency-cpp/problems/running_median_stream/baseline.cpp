#include <algorithm>
#include <cstdint>
#include <vector>

std::vector<std::int64_t> running_median_stream(const std::vector<std::int64_t>& a) {
    std::vector<std::int64_t> seen, result;
    result.reserve(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        seen.push_back(a[i]);
        std::nth_element(seen.begin(), seen.begin() + i / 2, seen.end());
        result.push_back(seen[i / 2]);
    }
    return result;
}
