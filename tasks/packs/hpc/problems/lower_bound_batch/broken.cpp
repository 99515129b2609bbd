// Deliberately wrong lower_bound_batch: returns the upper bound (first element greater than the
// query) instead of the lower bound.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

void lower_bound_batch(const std::vector<double> &sorted, const std::vector<double> &queries,
                       std::vector<int64_t> &result) {
    for (size_t i = 0; i < queries.size(); ++i)
        result[i] = std::upper_bound(sorted.begin(), sorted.end(), queries[i]) - sorted.begin();
}
