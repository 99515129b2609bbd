#include <cstdint>
#include <vector>

std::vector<std::int64_t> histogram_bins(const std::vector<std::int64_t>& values, std::int64_t lo, std::int64_t hi,
                                         std::int64_t bins) {
    std::vector<std::int64_t> counts(bins, 0);
    const std::int64_t span = hi - lo;
    for (const std::int64_t v : values) {
        if (v < lo || v >= hi) continue;
        // bin b holds v when b * span <= (v - lo) * bins < (b + 1) * span: take the first bin whose upper edge is past v
        const std::int64_t scaled = (v - lo) * bins;
        for (std::int64_t b = 0; b < bins; ++b)
            if (scaled < (b + 1) * span) {
                ++counts[b];
                break;
            }
    }
    return counts;
}
