// Sequential baseline of inclusive_scan: one running 64-bit sum.
#include <cstddef>
#include <cstdint>
#include <vector>

void inclusive_scan(const std::vector<int64_t> &x, std::vector<int64_t> &y) {
    const size_t n = x.size();
    int64_t sum = 0;
    for (size_t i = 0; i < n; ++i) {
        sum += x[i];
        y[i] = sum;
    }
}
