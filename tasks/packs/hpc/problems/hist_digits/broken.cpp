// Deliberately wrong hist_digits: the leading digit is computed through double-precision
// logarithms, which goes wrong for large values just below a power of ten (e.g. 10^17 - 1 becomes
// 1e17 as a double and is counted as a 1 instead of a 9).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

void hist_digits(const std::vector<uint64_t> &values, std::vector<int64_t> &counts) {
    for (int d = 0; d < 9; ++d) counts[d] = 0;
    for (size_t i = 0; i < values.size(); ++i) {
        const double v = static_cast<double>(values[i]);
        const double lead = std::floor(v / std::pow(10.0, std::floor(std::log10(v))));
        const int d = std::min(9, std::max(1, static_cast<int>(lead)));
        ++counts[d - 1];
    }
}
