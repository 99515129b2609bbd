// Deliberately wrong count_occurrences: the last element of x is never counted.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

void count_occurrences(const std::vector<int32_t> &x, const std::vector<int32_t> &queries,
                       std::vector<int64_t> &counts) {
    std::vector<int32_t> sorted(x.begin(), x.end() - 1);
    std::sort(sorted.begin(), sorted.end());
    for (size_t i = 0; i < queries.size(); ++i)
        counts[i] = std::upper_bound(sorted.begin(), sorted.end(), queries[i]) -
                    std::lower_bound(sorted.begin(), sorted.end(), queries[i]);
}
