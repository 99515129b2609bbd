#include <cstdint>
#include <utility>

// The Collatz step maps x to x / 2 when x is even and to 3 * x + 1 when x is odd. steps(s) is the number of steps it
// takes to get from s down to 1 (steps(1) == 0, steps(2) == 1, steps(3) == 7: 3 10 5 16 8 4 2 1). Return the pair
// (s, steps(s)) for the start s in [lo, hi] with the most steps; among starts with equally many steps, the smallest.
// 1 <= lo <= hi <= 10^7. For these starts every value along the way stays below 10^14, and steps(s) <= 700.
// Example: collatz_max_steps(1, 10) == {9, 19}; collatz_max_steps(1, 1) == {1, 0};
//          collatz_max_steps(12, 13) == {12, 9} (both take 9 steps: the smaller start wins);
//          collatz_max_steps(28, 30) == {30, 18}.
std::pair<std::int64_t, std::int64_t> collatz_max_steps(std::int64_t lo, std::int64_t hi);
