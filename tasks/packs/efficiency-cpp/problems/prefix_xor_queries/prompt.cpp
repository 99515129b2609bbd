#include <cstdint>
#include <utility>
#include <vector>

// For each query (l, r), with 0 <= l <= r < a.size(), return the bitwise XOR a[l] ^ a[l+1] ^ ... ^ a[r] (on the
// 64-bit two's-complement values, so negative numbers take part bit for bit). Answers come in query order; no
// queries give an empty result (a may then be empty too).
// Example: prefix_xor_queries({5, 3, 6, -1}, {{0, 1}, {1, 2}, {2, 2}, {0, 3}}) == {6, 5, 6, -1}
//          (5 ^ 3 == 6, 3 ^ 6 == 5, and 5 ^ 3 ^ 6 == 0, so the last is 0 ^ -1 == -1).
std::vector<std::int64_t> prefix_xor_queries(const std::vector<std::int64_t>& a,
                                             const std::vector<std::pair<std::int64_t, std::int64_t>>& queries);
