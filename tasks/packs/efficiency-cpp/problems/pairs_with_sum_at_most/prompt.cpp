#include <cstdint>
#include <vector>

// Return the number of index pairs (i, j) with i < j and a[i] + a[j] <= x. Values and x are integers with
// absolute value at most 10^15 (negatives and repeats allowed); fewer than two values give 0.
// Example: pairs_with_sum_at_most({3, 1, 4, 1, 5}, 5) == 5 (the pairs of values 3+1, 3+1, 1+4, 1+1, 4+1).
std::int64_t pairs_with_sum_at_most(const std::vector<std::int64_t>& a, std::int64_t x);
