#include <cstdint>
#include <vector>

// The values of a arrive one at a time. After each arrival, report the lower median of all values so far: entry i
// of the result is the value at 0-based position i / 2 (rounded down) when a[0], ..., a[i] are sorted ascending
// (the middle value for an odd count, the smaller of the two middle values for an even count). The result has
// a.size() entries; an empty a gives an empty result. Values are any 64-bit integers (negatives and repeats allowed).
// Example: running_median_stream({5, 15, 1, 3, 8}) == {5, 5, 5, 3, 5}
//          (sorted prefixes {5}, {5,15}, {1,5,15}, {1,3,5,15}, {1,3,5,8,15}).
std::vector<std::int64_t> running_median_stream(const std::vector<std::int64_t>& a);
