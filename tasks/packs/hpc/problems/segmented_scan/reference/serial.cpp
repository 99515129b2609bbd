// Serial reference of segmented_scan: one streaming pass with a branch-free restart: the running sum
// is masked to 0 at a head (an AND with an all-zeros or all-ones mask) before the value is added,
// so random segment lengths cost no branch mispredictions.
#include <cstddef>
#include <cstdint>
#include <vector>

void segmented_scan(const std::vector<int64_t> &values, const std::vector<uint8_t> &flags, std::vector<int64_t> &out) {
    const std::size_t n = values.size();
    const int64_t *__restrict v = values.data();
    const uint8_t *__restrict f = flags.data();
    int64_t *__restrict y = out.data();
    int64_t s = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const int64_t keep = -static_cast<int64_t>(f[i] == 0);  // 0 at a head, all ones elsewhere
        s = (s & keep) + v[i];
        y[i] = s;
    }
}
