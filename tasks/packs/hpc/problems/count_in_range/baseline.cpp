// Sequential baseline of count_in_range: one pass, one test per element.
#include <cstddef>
#include <cstdint>
#include <vector>

int64_t count_in_range(const std::vector<int32_t> &x, int32_t lo, int32_t hi) {
    const std::size_t n = x.size();
    int64_t count = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (x[i] >= lo && x[i] <= hi) {
            ++count;
        }
    }
    return count;
}
