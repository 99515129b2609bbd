#include <cstdint>
#include <vector>

// the bin index comes straight from a double estimate of (v - lo) * bins / span (off by at most one), fixed by two exact integer compares: no search and no division per value
std::vector<std::int64_t> histogram_bins(const std::vector<std::int64_t>& values, std::int64_t lo, std::int64_t hi,
                                         std::int64_t bins) {
    std::vector<std::int64_t> counts(bins, 0);
    const std::int64_t span = hi - lo;
    const std::uint64_t width = static_cast<std::uint64_t>(span);
    const double factor = static_cast<double>(bins) / static_cast<double>(span);
    std::int64_t* out = counts.data();
    for (const std::int64_t v : values) {
        const std::uint64_t offset = static_cast<std::uint64_t>(v) - static_cast<std::uint64_t>(lo);
        if (offset >= width) continue;  // below lo wraps around to a huge offset
        const std::int64_t scaled = static_cast<std::int64_t>(offset) * bins;
        std::int64_t b = static_cast<std::int64_t>(static_cast<double>(offset) * factor);
        b -= b * span > scaled;
        b += (b + 1) * span <= scaled;
        ++out[b];
    }
    return counts;
}
