// Sequential baseline of lower_bound_batch: one std::lower_bound binary search per query.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

void lower_bound_batch(const std::vector<double> &sorted, const std::vector<double> &queries,
                       std::vector<int64_t> &result) {
    const size_t m = queries.size();
    for (size_t i = 0; i < m; ++i) {
        result[i] = std::lower_bound(sorted.begin(), sorted.end(), queries[i]) - sorted.begin();
    }
}
