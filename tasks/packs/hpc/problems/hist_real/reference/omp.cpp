// OpenMP reference of hist_real: every thread bins one contiguous block of the values into its own
// pair of interleaved 32-bit sub-histograms (one multiplication by a precomputed nbins / (hi - lo)
// per value; branch-free: a value outside [lo, hi) goes to a spare bin nbins, chosen before the
// float-to-integer conversion), then the bins are split over the threads and each thread adds up
// its bins of all the private histograms into counts (no atomics, no false sharing). Values are
// taken in rounds of at most 2^31 per thread so no 32-bit count can overflow.
#include <omp.h>

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
    const std::size_t stride = nbins + 1;  // bins 0..nbins-1, spare bin nbins
    const double scale = static_cast<double>(nbins) / (hi - lo);
    const int nt_used = n > 30000 ? omp_get_max_threads() : 1;
    std::vector<std::uint32_t> priv(static_cast<std::size_t>(nt_used) * 2 * stride);
    const double *__restrict v = x.data();
    std::int64_t *__restrict out = counts.data();
    constexpr std::size_t ROUND = std::size_t(1) << 31;  // values per thread and round
    const std::ptrdiff_t bins = static_cast<std::ptrdiff_t>(nbins);
#pragma omp parallel num_threads(nt_used)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        std::uint32_t *__restrict c0 = priv.data() + 2 * t * stride;
        std::uint32_t *__restrict c1 = c0 + stride;
        std::size_t r0 = 0;
        do {
            const std::size_t r1 = std::min(n, r0 + ROUND * nt);
            const std::size_t a = r0 + (r1 - r0) * t / nt, z = r0 + (r1 - r0) * (t + 1) / nt;
            for (std::size_t b = 0; b < stride; ++b) c0[b] = c1[b] = 0;
            std::size_t i = a;
            for (; i + 2 <= z; i += 2) {
                ++c0[bin_of(v[i], lo, hi, scale, nbins)];
                ++c1[bin_of(v[i + 1], lo, hi, scale, nbins)];
            }
            for (; i < z; ++i) ++c0[bin_of(v[i], lo, hi, scale, nbins)];
            const bool first = r0 == 0;
#pragma omp barrier
#pragma omp for schedule(static)
            for (std::ptrdiff_t b = 0; b < bins; ++b) {
                std::int64_t s = first ? 0 : out[b];
                for (std::size_t u = 0; u < nt; ++u) {
                    const std::uint32_t *p = priv.data() + 2 * u * stride;
                    s += static_cast<std::int64_t>(p[b]) + p[stride + b];
                }
                out[b] = s;
            }
            r0 = r1;
        } while (r0 < n);
    }
}
