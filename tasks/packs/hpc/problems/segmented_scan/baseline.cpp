// Sequential baseline of segmented_scan: one running 64-bit sum, reset at every segment head.
#include <cstddef>
#include <cstdint>
#include <vector>

void segmented_scan(const std::vector<int64_t> &values, const std::vector<uint8_t> &flags, std::vector<int64_t> &out) {
    const size_t n = values.size();
    int64_t sum = 0;
    for (size_t i = 0; i < n; ++i) {
        if (flags[i]) sum = 0;
        sum += values[i];
        out[i] = sum;
    }
}
