#include <cstdint>
#include <vector>

// Return the length of the longest strictly increasing subsequence of values: the largest k for which there are
// indices i1 < i2 < ... < ik with values[i1] < values[i2] < ... < values[ik] (the chosen values need not be
// adjacent; equal values never both count). 0 <= values.size() <= 10^6; values are any 64-bit integers (negatives
// and repeats allowed). An empty sequence gives 0, any other at least 1.
// Example: lis_length({10, 9, 2, 5, 3, 7, 101, 18}) == 4 (for instance 2, 3, 7, 18);
//          lis_length({4, 4, 4}) == 1; lis_length({1, 2, 2, 3}) == 3; lis_length({}) == 0.
std::int64_t lis_length(const std::vector<std::int64_t>& values);
