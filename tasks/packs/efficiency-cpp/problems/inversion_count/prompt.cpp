#include <cstdint>
#include <vector>

// Return the number of pairs (i, j) with i < j and a[i] > a[j].
// Example: inversion_count({3, 1, 2}) == 2 (the pairs (3, 1) and (3, 2)).
std::int64_t inversion_count(const std::vector<std::int64_t>& a);
