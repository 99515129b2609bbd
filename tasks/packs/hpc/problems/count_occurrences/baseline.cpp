// Sequential baseline of count_occurrences: sort a copy of x once, then answer every query with
// std::equal_range (two binary searches).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

void count_occurrences(const std::vector<int32_t> &x, const std::vector<int32_t> &queries,
                       std::vector<int64_t> &counts) {
    std::vector<int32_t> sorted(x.begin(), x.end());
    std::sort(sorted.begin(), sorted.end());
    const size_t m = queries.size();
    for (size_t i = 0; i < m; ++i) {
        const auto range = std::equal_range(sorted.begin(), sorted.end(), queries[i]);
        counts[i] = range.second - range.first;
    }
}
