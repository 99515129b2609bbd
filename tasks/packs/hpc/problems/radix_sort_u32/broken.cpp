// Deliberately wrong radix_sort_u32: sorts the values as signed integers (2^31 and above first).
#include <algorithm>
#include <cstdint>
#include <vector>

void radix_sort_u32(std::vector<uint32_t> &x) {
    std::sort(x.begin(), x.end(),
              [](uint32_t a, uint32_t b) { return static_cast<int32_t>(a) < static_cast<int32_t>(b); });
}
