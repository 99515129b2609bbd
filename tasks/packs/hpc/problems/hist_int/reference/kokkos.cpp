// Kokkos reference of hist_int: a parallel_for over one block of values per thread into private interleaved 32-bit sub-histograms, then a parallel_for over the bins adds them up into counts.
// Counting is branch-free (an out-of-range value goes to a spare bin nbins); each block has two
// sub-histograms used in turn (breaks the dependency between neighbouring increments of a hot
// bin); the combining pass splits the bins statically, so there are no atomics and no false
// sharing. Values are taken in rounds of at most 2^31 per block so no 32-bit count can overflow.
// Small inputs run serially.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace {

// Clears the pair of sub-histograms c0, c0 + stride and counts the values v[lo, hi) into them;
// nb = nbins is the spare bin.
KOKKOS_INLINE_FUNCTION void count_block(const int *__restrict v, std::size_t lo, std::size_t hi, unsigned nb,
                                        std::uint32_t *__restrict c0, std::size_t stride) {
    std::uint32_t *__restrict c1 = c0 + stride;
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

void hist_int(const std::vector<int> &values, size_t nbins, std::vector<int64_t> &counts) {
    const std::size_t n = values.size();
    const std::size_t stride = nbins + 1;  // bins 0..nbins-1, spare bin nbins
    const unsigned nb = static_cast<unsigned>(std::min<std::size_t>(nbins, 0xFFFFFFFFu));
    const int conc = Kokkos::DefaultHostExecutionSpace::concurrency();
    const std::size_t nt = n > 50000 && conc > 1 ? static_cast<std::size_t>(conc) : 1;
    std::unique_ptr<std::uint32_t[]> buf(new std::uint32_t[nt * 2 * stride]);  // every block clears its own
    std::uint32_t *priv = buf.get();
    const int *v = values.data();
    std::int64_t *out = counts.data();
    constexpr std::size_t ROUND = std::size_t(1) << 31;  // values per block and round
    std::size_t r0 = 0;
    do {
        const std::size_t r1 = std::min(n, r0 + ROUND * nt);
        const bool first = r0 == 0;
        if (nt == 1) {  // small input: parallel overhead would dominate
            count_block(v, r0, r1, nb, priv, stride);
            for (std::size_t b = 0; b < nbins; ++b) combine_bin(priv, stride, 1, b, first, out);
        } else {
            Kokkos::parallel_for(
                "hist_int_count", Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>(0, nt),
                KOKKOS_LAMBDA(const std::size_t t) {
                    count_block(v, r0 + (r1 - r0) * t / nt, r0 + (r1 - r0) * (t + 1) / nt, nb,
                                priv + 2 * t * stride, stride);
                });
            Kokkos::parallel_for(
                "hist_int_combine",
                Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace, Kokkos::Schedule<Kokkos::Static>>(0, nbins),
                KOKKOS_LAMBDA(const std::size_t b) { combine_bin(priv, stride, nt, b, first, out); });
            Kokkos::fence();
        }
        r0 = r1;
    } while (r0 < n);
}
