// Deliberately wrong byte_freq: the loop is unrolled by eight bytes and the tail (the last n % 8
// bytes) is never counted.
#include <cstddef>
#include <cstdint>
#include <vector>

void byte_freq(const std::vector<uint8_t> &data, std::vector<int64_t> &freq) {
    for (int b = 0; b < 256; ++b) freq[b] = 0;
    const size_t n = data.size();
    for (size_t i = 0; i + 8 <= n; i += 8) {
        for (size_t k = 0; k < 8; ++k) ++freq[data[i + k]];
    }
}
