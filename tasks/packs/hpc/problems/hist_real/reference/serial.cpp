// Serial reference of hist_real: the division by the range becomes one multiplication by a
// precomputed nbins / (hi - lo); the binning is branch-free (a value outside [lo, hi) goes to a
// spare bin nbins, selected before the float-to-integer conversion so it never overflows), into two
// interleaved 32-bit sub-histograms (consecutive values in the same bin do not wait for each
// other's increment) that are added into the 64-bit counts after every chunk of at most 2^31 values.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

// Bin of v, or `spare` (= nbins) when v is outside [lo, hi).
inline std::size_t bin_of(double v, double lo, double hi, double scale, std::size_t nbins) {
    const bool in = v >= lo && v < hi;
    const double t = in ? (v - lo) * scale : static_cast<double>(nbins);
    const std::size_t b = static_cast<std::size_t>(t);
    return (in && b >= nbins) ? nbins - 1 : b;
}

}  // namespace

void hist_real(const std::vector<double> &x, double lo, double hi, size_t nbins, std::vector<int64_t> &counts) {
    const std::size_t n = x.size();
    const std::size_t stride = nbins + 1;
    const double scale = static_cast<double>(nbins) / (hi - lo);
    std::vector<std::uint32_t> sub(2 * stride);
    std::uint32_t *__restrict c0 = sub.data();
    std::uint32_t *__restrict c1 = sub.data() + stride;
    std::int64_t *__restrict out = counts.data();
    for (std::size_t b = 0; b < nbins; ++b) out[b] = 0;
    const double *__restrict v = x.data();
    constexpr std::size_t CHUNK = std::size_t(1) << 31;
    for (std::size_t start = 0; start < n; start += CHUNK) {
        const std::size_t end = std::min(n, start + CHUNK);
        std::size_t i = start;
        for (; i + 2 <= end; i += 2) {
            ++c0[bin_of(v[i], lo, hi, scale, nbins)];
            ++c1[bin_of(v[i + 1], lo, hi, scale, nbins)];
        }
        for (; i < end; ++i) ++c0[bin_of(v[i], lo, hi, scale, nbins)];
        for (std::size_t b = 0; b < nbins; ++b) {
            out[b] += static_cast<std::int64_t>(c0[b]) + c1[b];
            c0[b] = c1[b] = 0;
        }
    }
}
