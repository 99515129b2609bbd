// Deliberately wrong count_in_range: the offset trick (x - lo compared with hi - lo) in signed
// 32-bit arithmetic, which goes wrong once hi - lo or x - lo passes INT32_MAX (e.g. lo = INT32_MIN
// and hi >= 0: the whole type gives hi - lo = -1 and a count of 0).
#include <cstddef>
#include <cstdint>
#include <vector>

int64_t count_in_range(const std::vector<int32_t> &x, int32_t lo, int32_t hi) {
    const std::int64_t span = static_cast<std::int32_t>(static_cast<std::uint32_t>(hi) - static_cast<std::uint32_t>(lo));
    int64_t count = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const std::int32_t off = static_cast<std::int32_t>(static_cast<std::uint32_t>(x[i]) - static_cast<std::uint32_t>(lo));
        if (off >= 0 && off <= span) ++count;
    }
    return count;
}
