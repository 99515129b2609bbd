// Kokkos reference of hist_real: a parallel_for over one block of values per thread into private interleaved 32-bit sub-histograms, then a parallel_for over the bins adds them up into counts.
// Binning is one multiplication by a precomputed nbins / (hi - lo) per value and branch-free: a
// value outside [lo, hi) goes to a spare bin nbins, chosen before the float-to-integer conversion.
// Each block has two sub-histograms used in turn (breaks the dependency between neighbouring
// increments of a hot bin); the combining pass splits the bins statically, so there are no atomics
// and no false sharing. Values are taken in rounds of at most 2^31 per block so no 32-bit count can
// overflow. Small inputs run serially.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace {

// Bin of v, or the spare bin nbins when v is outside [lo, hi).
KOKKOS_INLINE_FUNCTION std::size_t bin_of(double v, double lo, double hi, double scale, std::size_t nbins) {
    const bool in = v >= lo && v < hi;
    const double t = in ? (v - lo) * scale : static_cast<double>(nbins);
    const std::size_t b = static_cast<std::size_t>(t);
    return (in && b >= nbins) ? nbins - 1 : b;
}

// Clears the pair of sub-histograms c0, c0 + stride (stride = nbins + 1) and counts v[a, z) into them.
KOKKOS_INLINE_FUNCTION void count_block(const double *__restrict v, std::size_t a, std::size_t z, double lo,
                                        double hi, double scale, std::size_t nbins, std::uint32_t *__restrict c0) {
    const std::size_t stride = nbins + 1;
    std::uint32_t *__restrict c1 = c0 + stride;
    for (std::size_t b = 0; b < stride; ++b) c0[b] = c1[b] = 0;
    std::size_t i = a;
    for (; i + 2 <= z; i += 2) {
        ++c0[bin_of(v[i], lo, hi, scale, nbins)];
        ++c1[bin_of(v[i + 1], lo, hi, scale, nbins)];
    }
    for (; i < z; ++i) ++c0[bin_of(v[i], lo, hi, scale, nbins)];
}

// out[b] (plus its value so far unless first) += bin b of all nt pairs of sub-histograms.
KOKKOS_INLINE_FUNCTION void combine_bin(const std::uint32_t *priv, std::size_t stride, std::size_t nt,
                                        std::size_t b, bool first, std::int64_t *out) {
    std::int64_t s = first ? 0 : out[b];
    for (std::size_t u = 0; u < nt; ++u) {
        const std::uint32_t *p = priv + 2 * u * stride;
        s += static_cast<std::int64_t>(p[b]) + p[stride + b];
    }
    out[b] = s;
}

}  // namespace

void hist_real(const std::vector<double> &x, double lo, double hi, size_t nbins, std::vector<int64_t> &counts) {
    const std::size_t n = x.size();
    const std::size_t stride = nbins + 1;  // bins 0..nbins-1, spare bin nbins
    const double scale = static_cast<double>(nbins) / (hi - lo);
    const int conc = Kokkos::DefaultHostExecutionSpace::concurrency();
    const std::size_t nt = n > 30000 && conc > 1 ? static_cast<std::size_t>(conc) : 1;
    std::unique_ptr<std::uint32_t[]> buf(new std::uint32_t[nt * 2 * stride]);  // every block clears its own
    std::uint32_t *priv = buf.get();
    const double *v = x.data();
    std::int64_t *out = counts.data();
    constexpr std::size_t ROUND = std::size_t(1) << 31;  // values per block and round
    std::size_t r0 = 0;
    do {
        const std::size_t r1 = std::min(n, r0 + ROUND * nt);
        const bool first = r0 == 0;
        if (nt == 1) {  // small input: parallel overhead would dominate
            count_block(v, r0, r1, lo, hi, scale, nbins, priv);
            for (std::size_t b = 0; b < nbins; ++b) combine_bin(priv, stride, 1, b, first, out);
        } else {
            Kokkos::parallel_for(
                "hist_real_count", Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>(0, nt),
                KOKKOS_LAMBDA(const std::size_t t) {
                    count_block(v, r0 + (r1 - r0) * t / nt, r0 + (r1 - r0) * (t + 1) / nt, lo, hi, scale, nbins,
                                priv + 2 * t * stride);
                });
            Kokkos::parallel_for(
                "hist_real_combine",
                Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace, Kokkos::Schedule<Kokkos::Static>>(0, nbins),
                KOKKOS_LAMBDA(const std::size_t b) { combine_bin(priv, stride, nt, b, first, out); });
            Kokkos::fence();
        }
        r0 = r1;
    } while (r0 < n);
}
