#include <cstdint>
#include <vector>

// For each bound n in ns, count the primes p with p < n (a bound of 2 or less, zero and negative ones included,
// gives 0). Return the counts in the order of ns; an empty ns gives an empty result. Bounds may repeat and come in
// any order. Guarantees: ns holds at most 1e6 bounds, each at most 5e6.
// Example: count_primes_below({10, 2, 3, 100, -5, 11}) == {4, 0, 1, 25, 0, 4}.
std::vector<std::int64_t> count_primes_below(const std::vector<std::int64_t>& ns);
