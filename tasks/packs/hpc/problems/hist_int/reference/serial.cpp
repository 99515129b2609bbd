// Serial reference of hist_int: branch-free binning (an out-of-range value goes to a spare bin
// nbins, found with one unsigned compare, so no mispredicted branches) into two interleaved 32-bit
// sub-histograms (consecutive values that hit the same bin do not wait for each other's
// increment); the sub-histograms are added into the 64-bit counts after every chunk of at most
// 2^31 values, so no 32-bit count can overflow.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

void hist_int(const std::vector<int> &values, size_t nbins, std::vector<int64_t> &counts) {
    const std::size_t n = values.size();
    const std::size_t stride = nbins + 1;  // bins 0..nbins-1, spare bin nbins
    const unsigned nb = static_cast<unsigned>(std::min<std::size_t>(nbins, 0xFFFFFFFFu));
    std::vector<std::uint32_t> sub(2 * stride);
    std::uint32_t *__restrict c0 = sub.data();
    std::uint32_t *__restrict c1 = sub.data() + stride;
    std::int64_t *__restrict out = counts.data();
    for (std::size_t b = 0; b < nbins; ++b) out[b] = 0;
    const int *__restrict v = values.data();
    constexpr std::size_t CHUNK = std::size_t(1) << 31;
    for (std::size_t start = 0; start < n; start += CHUNK) {
        const std::size_t end = std::min(n, start + CHUNK);
        std::size_t i = start;
        for (; i + 2 <= end; i += 2) {
            unsigned x0 = static_cast<unsigned>(v[i]), x1 = static_cast<unsigned>(v[i + 1]);
            x0 = x0 < nb ? x0 : nb;
            x1 = x1 < nb ? x1 : nb;
            ++c0[x0];
            ++c1[x1];
        }
        for (; i < end; ++i) {
            unsigned x = static_cast<unsigned>(v[i]);
            ++c0[x < nb ? x : nb];
        }
        for (std::size_t b = 0; b < nbins; ++b) {
            out[b] += static_cast<std::int64_t>(c0[b]) + c1[b];
            c0[b] = c1[b] = 0;
        }
    }
}
