// OpenMP reference of hist_int: every thread counts one contiguous block of the values into its
// own pair of interleaved 32-bit sub-histograms (branch-free: an out-of-range value goes to a
// spare bin nbins), then the bins are split over the threads and each thread adds up its bins of
// all the private histograms into counts (no atomics, no false sharing). Values are taken in
// rounds of at most 2^31 per thread so no 32-bit count can overflow.
#include <omp.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

void hist_int(const std::vector<int> &values, size_t nbins, std::vector<int64_t> &counts) {
    const std::size_t n = values.size();
    const std::size_t stride = nbins + 1;  // bins 0..nbins-1, spare bin nbins
    const unsigned nb = static_cast<unsigned>(std::min<std::size_t>(nbins, 0xFFFFFFFFu));
    const int nt_used = n > 50000 ? omp_get_max_threads() : 1;
    std::vector<std::uint32_t> priv(static_cast<std::size_t>(nt_used) * 2 * stride);
    const int *__restrict v = values.data();
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
            const std::size_t lo = r0 + (r1 - r0) * t / nt, hi = r0 + (r1 - r0) * (t + 1) / nt;
            for (std::size_t b = 0; b < stride; ++b) c0[b] = c1[b] = 0;
            std::size_t i = lo;
            for (; i + 2 <= hi; i += 2) {
                unsigned x0 = static_cast<unsigned>(v[i]), x1 = static_cast<unsigned>(v[i + 1]);
                x0 = x0 < nb ? x0 : nb;
                x1 = x1 < nb ? x1 : nb;
                ++c0[x0];
                ++c1[x1];
            }
            for (; i < hi; ++i) {
                const unsigned x = static_cast<unsigned>(v[i]);
                ++c0[x < nb ? x : nb];
            }
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
