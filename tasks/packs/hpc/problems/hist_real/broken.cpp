// Deliberately wrong hist_real: the range test is done on the bin index after truncation toward
// zero, so values a little below lo (less than one bin width) are counted in bin 0.
#include <cstddef>
#include <cstdint>
#include <vector>

void hist_real(const std::vector<double> &x, double lo, double hi, size_t nbins, std::vector<int64_t> &counts) {
    for (size_t b = 0; b < nbins; ++b) counts[b] = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        const long b = static_cast<long>((x[i] - lo) / (hi - lo) * static_cast<double>(nbins));
        if (b >= 0 && b < static_cast<long>(nbins)) ++counts[b];
    }
}
