// Serial reference of byte_freq: eight bytes are loaded at once and spread over four 32-bit
// sub-histograms, so increments of the same byte value (long runs) go to different counters and
// do not wait for each other; the sub-histograms are added into freq after every chunk of at most
// 2^31 bytes, so no 32-bit counter can overflow.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

void byte_freq(const std::vector<uint8_t> &data, std::vector<int64_t> &freq) {
    const std::size_t n = data.size();
    const std::uint8_t *__restrict d = data.data();
    std::uint32_t c[4][256];
    std::int64_t total[256] = {};
    constexpr std::size_t CHUNK = std::size_t(1) << 31;
    for (std::size_t start = 0; start < n; start += CHUNK) {
        const std::size_t end = std::min(n, start + CHUNK);
        std::memset(c, 0, sizeof c);
        std::size_t i = start;
        for (; i + 8 <= end; i += 8) {
            std::uint64_t w;
            std::memcpy(&w, d + i, 8);
            ++c[0][w & 0xFF];
            ++c[1][(w >> 8) & 0xFF];
            ++c[2][(w >> 16) & 0xFF];
            ++c[3][(w >> 24) & 0xFF];
            ++c[0][(w >> 32) & 0xFF];
            ++c[1][(w >> 40) & 0xFF];
            ++c[2][(w >> 48) & 0xFF];
            ++c[3][w >> 56];
        }
        for (; i < end; ++i) ++c[0][d[i]];
        for (int b = 0; b < 256; ++b) total[b] += static_cast<std::int64_t>(c[0][b]) + c[1][b] + c[2][b] + c[3][b];
    }
    for (int b = 0; b < 256; ++b) freq[b] = total[b];
}
