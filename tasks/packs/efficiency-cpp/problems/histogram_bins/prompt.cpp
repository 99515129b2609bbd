#include <cstdint>
#include <vector>

// Split [lo, hi) into `bins` equal-width bins and count the values in each: a value v with lo <= v < hi belongs to
// bin floor((v - lo) * bins / (hi - lo)) (exact integer arithmetic, the result lies in 0 .. bins-1); values below lo
// or at/above hi are not counted. Return the `bins` counts in bin order. Guarantees: lo < hi, bins >= 1,
// hi - lo <= 4e9, bins <= 1e6, and every value, lo and hi lie in [-1e15, 1e15]. Bins may be narrower than 1
// (bins > hi - lo), in which case some stay empty. values may be empty.
// Example: histogram_bins({0, 1, 2, 3, 4, 5, 9, 10, -1}, 0, 10, 3) == {4, 2, 1}
//          (bin 0 holds 0..3, bin 1 holds 4..6, bin 2 holds 7..9; -1 and 10 lie outside).
std::vector<std::int64_t> histogram_bins(const std::vector<std::int64_t>& values, std::int64_t lo, std::int64_t hi,
                                         std::int64_t bins);
