// Sequential baseline of byte_freq: clear the 256 counters, then one increment per byte.
#include <cstddef>
#include <cstdint>
#include <vector>

void byte_freq(const std::vector<uint8_t> &data, std::vector<int64_t> &freq) {
    for (int b = 0; b < 256; ++b) freq[b] = 0;
    for (size_t i = 0; i < data.size(); ++i) ++freq[data[i]];
}
