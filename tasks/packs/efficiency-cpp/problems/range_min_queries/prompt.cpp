#include <cstdint>
#include <utility>
#include <vector>

// For every query (l, r) in queries, in order, return the minimum of a[l], a[l+1], ..., a[r] (0-based indices,
// both ends inclusive). Every query has 0 <= l <= r < a.size(). Values are any 64-bit integers (negatives and
// repeats allowed). No queries gives an empty result (a may then be empty too).
// Example: range_min_queries({5, 2, 8, -1, 3}, {{0, 2}, {3, 3}, {2, 4}, {0, 4}}) == {2, -1, -1, -1}.
std::vector<std::int64_t> range_min_queries(const std::vector<std::int64_t>& a,
                                            const std::vector<std::pair<std::int64_t, std::int64_t>>& queries);
