// Sequential baseline of first_match: scan from the front, stop at the first match.
#include <cstddef>
#include <cstdint>
#include <vector>

int64_t first_match(const std::vector<int32_t> &x, int32_t target) {
    for (size_t i = 0; i < x.size(); ++i) {
        if (x[i] == target) return static_cast<int64_t>(i);
    }
    return -1;
}
