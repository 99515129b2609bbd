// Deliberately wrong sort_pairs_by_key: an LSD radix sort that treats the keys as unsigned, so
// negative keys end up after the positive ones.
#include <cstddef>
#include <cstdint>
#include <vector>

void sort_pairs_by_key(std::vector<int32_t> &keys, std::vector<double> &values) {
    const size_t n = keys.size();
    std::vector<int32_t> k2(n);
    std::vector<double> v2(n);
    for (int shift = 0; shift < 32; shift += 8) {
        size_t count[257] = {0};
        for (size_t i = 0; i < n; ++i) ++count[((static_cast<uint32_t>(keys[i]) >> shift) & 255u) + 1];
        for (int d = 0; d < 256; ++d) count[d + 1] += count[d];
        for (size_t i = 0; i < n; ++i) {
            const size_t pos = count[(static_cast<uint32_t>(keys[i]) >> shift) & 255u]++;
            k2[pos] = keys[i];
            v2[pos] = values[i];
        }
        keys.swap(k2);
        values.swap(v2);
    }
}
