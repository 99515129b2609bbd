#include <cstdint>
#include <vector>

// Return the maximum of every window of k consecutive values of a, in order: the result has a.size() - k + 1
// entries and entry i is max(a[i], a[i+1], ..., a[i+k-1]). Always 1 <= k <= a.size(). Values are any 64-bit
// integers (negatives and repeats allowed).
// Example: sliding_window_maximum({1, 3, -1, -3, 5, 3, 6, 7}, 3) == {3, 3, 5, 5, 6, 7};
//          sliding_window_maximum({4, 2}, 1) == {4, 2}; sliding_window_maximum({4, 2}, 2) == {4}.
std::vector<std::int64_t> sliding_window_maximum(const std::vector<std::int64_t>& a, std::int64_t k);
