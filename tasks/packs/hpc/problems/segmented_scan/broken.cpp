// Deliberately wrong segmented_scan: a head's own value is dropped (the sum restarts at 0 after
// the head instead of at the head's value).
#include <cstddef>
#include <cstdint>
#include <vector>

void segmented_scan(const std::vector<int64_t> &values, const std::vector<uint8_t> &flags, std::vector<int64_t> &out) {
    int64_t sum = 0;
    for (size_t i = 0; i < values.size(); ++i) {
        sum = flags[i] ? 0 : sum + values[i];
        out[i] = sum;
    }
}
