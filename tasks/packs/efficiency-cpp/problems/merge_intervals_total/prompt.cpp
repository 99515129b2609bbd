#include <cstdint>
#include <utility>
#include <vector>

// Each (a, b) in intervals is the half-open interval [a, b) of the number line, with a <= b (a == b is an empty
// interval). Return the total length of their union: the measure of the set of points covered by at least one
// interval (overlapping parts count once; intervals that only touch, like [1, 3) and [3, 5), cover 4). An empty
// list gives 0. Endpoints are integers with absolute value at most 10^15; the list is in no particular order.
// Example: merge_intervals_total({{1, 4}, {2, 6}, {8, 10}, {9, 9}, {-3, -1}}) == 9 ([1, 6), [8, 10) and [-3, -1)).
std::int64_t merge_intervals_total(const std::vector<std::pair<std::int64_t, std::int64_t>>& intervals);
