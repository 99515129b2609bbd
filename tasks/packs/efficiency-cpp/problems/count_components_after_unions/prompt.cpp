#include <cstdint>
#include <utility>
#include <vector>

// There are n elements 0 .. n-1 (0 <= n <= 10^6), each at first in a group of its own. The pairs (a, b) come in
// order (0 <= a, b < n, pairs.size() <= 10^7; a == b and repeated pairs are allowed); each one joins the group of a
// and the group of b into one group (nothing changes when they are already the same group). Return a vector with
// one entry per pair: entry i is the number of groups after the first i + 1 pairs have been applied (the number of
// connected components of the graph on the n elements with edges pairs[0] .. pairs[i]). No pairs give an empty
// result.
// Example: count_components_after_unions(5, {{0, 1}, {1, 2}, {0, 2}, {3, 4}, {2, 3}}) == {4, 3, 3, 2, 1};
//          count_components_after_unions(3, {{1, 1}}) == {3}; count_components_after_unions(4, {}) == {}.
std::vector<std::int64_t> count_components_after_unions(std::int64_t n,
                                                        const std::vector<std::pair<std::int64_t, std::int64_t>>& pairs);
