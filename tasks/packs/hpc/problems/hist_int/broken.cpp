// Deliberately wrong hist_int: values at or above nbins are clamped into the last bin instead of
// being ignored.
#include <cstddef>
#include <cstdint>
#include <vector>

void hist_int(const std::vector<int> &values, size_t nbins, std::vector<int64_t> &counts) {
    for (size_t b = 0; b < nbins; ++b) counts[b] = 0;
    for (size_t i = 0; i < values.size(); ++i) {
        const int v = values[i];
        if (v < 0) continue;
        ++counts[static_cast<size_t>(v) < nbins ? static_cast<size_t>(v) : nbins - 1];
    }
}
