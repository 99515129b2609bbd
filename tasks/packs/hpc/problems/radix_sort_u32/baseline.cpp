// Sequential baseline of radix_sort_u32: textbook LSD radix sort, four stable counting-sort passes
// over 8-bit digits (count, prefix sums, scatter), ping-ponging with a scratch vector.
#include <cstddef>
#include <cstdint>
#include <vector>

void radix_sort_u32(std::vector<uint32_t> &x) {
    const size_t n = x.size();
    std::vector<uint32_t> tmp(n);
    for (int shift = 0; shift < 32; shift += 8) {
        size_t count[257] = {0};
        for (size_t i = 0; i < n; ++i) ++count[((x[i] >> shift) & 0xFF) + 1];
        for (int d = 0; d < 256; ++d) count[d + 1] += count[d];
        for (size_t i = 0; i < n; ++i) tmp[count[(x[i] >> shift) & 0xFF]++] = x[i];
        x.swap(tmp);
    }
}
