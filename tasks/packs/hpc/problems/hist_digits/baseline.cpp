// Sequential baseline of hist_digits: clear the nine counters, then divide every value by 10 until
// one digit is left and count that digit.
#include <cstddef>
#include <cstdint>
#include <vector>

void hist_digits(const std::vector<uint64_t> &values, std::vector<int64_t> &counts) {
    for (int d = 0; d < 9; ++d) counts[d] = 0;
    for (size_t i = 0; i < values.size(); ++i) {
        uint64_t v = values[i];
        while (v >= 10) v /= 10;
        ++counts[v - 1];
    }
}
