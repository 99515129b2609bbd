// Sequential baseline of hist_real: clear the counts, then map every value in [lo, hi) to its bin.
#include <cstddef>
#include <cstdint>
#include <vector>

void hist_real(const std::vector<double> &x, double lo, double hi, size_t nbins, std::vector<int64_t> &counts) {
    for (size_t b = 0; b < nbins; ++b) counts[b] = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        const double v = x[i];
        if (v >= lo && v < hi) {
            size_t b = static_cast<size_t>((v - lo) / (hi - lo) * nbins);
            if (b >= nbins) b = nbins - 1;
            ++counts[b];
        }
    }
}
