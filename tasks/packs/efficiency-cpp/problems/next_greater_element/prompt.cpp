#include <cstdint>
#include <vector>

// For every index i of a, return the smallest index j > i with a[j] > a[i] (strictly greater; equal values do not
// count), or -1 when no later value is greater. The result has a.size() entries; an empty a gives an empty result.
// Values are any 64-bit integers (negatives and repeats allowed).
// Example: next_greater_element({2, 7, 3, 5, 4, 6, 8, 8}) == {1, 6, 3, 5, 5, 6, -1, -1};
//          next_greater_element({5, 5, 6}) == {2, 2, -1}.
std::vector<std::int64_t> next_greater_element(const std::vector<std::int64_t>& a);
