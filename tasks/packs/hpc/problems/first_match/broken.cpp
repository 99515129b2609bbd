// Deliberately wrong first_match: scans in blocks from the back and returns the last match.
#include <cstddef>
#include <cstdint>
#include <vector>

int64_t first_match(const std::vector<int32_t> &x, int32_t target) {
    for (size_t i = x.size(); i-- > 0;)
        if (x[i] == target) return static_cast<int64_t>(i);
    return -1;
}
