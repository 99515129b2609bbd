// Kokkos reference of radix_sort_u32: a parallel MSD pass on the top byte, then a dynamic parallel_for over the 256 buckets.
// Per-chunk counts and a scatter at per-chunk offsets; each bucket is sorted by its low 24 bits with up to three
// LSD passes in cache.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

namespace {

// Sorts the m keys at src, which share their top byte, by their low 24 bits into dst: up to three
// stable counting passes over 8-bit digits (the three histograms from one read; a pass whose digit
// is the same for every key is skipped), ping-ponging between src and dst.
inline void sort_low24(uint32_t *src, uint32_t *dst, std::size_t m) {
    if (m < 64) {  // insertion sort into dst
        for (std::size_t i = 0; i < m; ++i) {
            const uint32_t k = src[i];
            std::size_t j = i;
            for (; j > 0 && dst[j - 1] > k; --j) dst[j] = dst[j - 1];
            dst[j] = k;
        }
        return;
    }
    uint32_t hist[3][256];
    std::memset(hist, 0, sizeof hist);
    for (std::size_t i = 0; i < m; ++i) {
        const uint32_t k = src[i];
        ++hist[0][k & 0xFF];
        ++hist[1][(k >> 8) & 0xFF];
        ++hist[2][(k >> 16) & 0xFF];
    }
    uint32_t *a = src, *b = dst;
    for (int p = 0; p < 3; ++p) {
        uint32_t *h = hist[p];
        const int shift = 8 * p;
        if (h[(src[0] >> shift) & 0xFF] == m) continue;  // one digit for every key: the identity
        uint32_t sum = 0;
        for (int d = 0; d < 256; ++d) {
            const uint32_t c = h[d];
            h[d] = sum;
            sum += c;
        }
        for (std::size_t i = 0; i < m; ++i) {
            const uint32_t k = a[i];
            b[h[(k >> shift) & 0xFF]++] = k;
        }
        std::swap(a, b);
    }
    if (a != dst) std::memcpy(dst, a, m * sizeof(uint32_t));
}

}  // namespace

void radix_sort_u32(std::vector<uint32_t> &x) {
    const std::size_t n = x.size();
    if (n < 256) {
        std::sort(x.begin(), x.end());
        return;
    }
    uint32_t *xp = x.data();
    std::unique_ptr<uint32_t[]> scratch(new uint32_t[n]);
    uint32_t *tmp = scratch.get();
    const bool par = n >= 50000;
    const std::size_t nc =
        par ? static_cast<std::size_t>(std::max(1, Kokkos::DefaultHostExecutionSpace::concurrency())) : 1;
    std::vector<std::size_t> counts(nc * 256, 0), start(257, 0);
    std::size_t *cnt = counts.data(), *st = start.data();

    if (!par) {  // small: the same passes on one thread
        for (std::size_t i = 0; i < n; ++i) ++cnt[xp[i] >> 24];
        for (std::size_t b = 0; b < 256; ++b) start[b + 1] = start[b] + cnt[b];
        std::vector<std::size_t> pos(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < n; ++i) tmp[pos[xp[i] >> 24]++] = xp[i];
        for (std::size_t b = 0; b < 256; ++b) sort_low24(tmp + start[b], xp + start[b], start[b + 1] - start[b]);
        return;
    }
    const Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace> chunks(0, nc, Kokkos::ChunkSize(1));
    // 1. every chunk counts the top bytes of its block of x
    Kokkos::parallel_for(
        "radix_count", chunks, KOKKOS_LAMBDA(const std::size_t c) {
            std::size_t *mine = cnt + c * 256;
            for (std::size_t i = n * c / nc; i < n * (c + 1) / nc; ++i) ++mine[xp[i] >> 24];
        });
    // offsets: the buckets before b, then the parts of bucket b from the chunks before c (so every
    // bucket is contiguous and keeps the input order)
    std::size_t sum = 0;
    for (std::size_t b = 0; b < 256; ++b) {
        start[b] = sum;
        for (std::size_t c = 0; c < nc; ++c) {
            const std::size_t k = counts[c * 256 + b];
            counts[c * 256 + b] = sum;
            sum += k;
        }
    }
    start[256] = sum;
    // 2. every chunk scatters its block into the scratch buffer at its own offsets
    Kokkos::parallel_for(
        "radix_scatter", chunks, KOKKOS_LAMBDA(const std::size_t c) {
            std::size_t *pos = cnt + c * 256;
            for (std::size_t i = n * c / nc; i < n * (c + 1) / nc; ++i) {
                const uint32_t k = xp[i];
                tmp[pos[k >> 24]++] = k;
            }
        });
    // 3. the buckets, shared out dynamically (large and small ones balance out), sorted back into x
    Kokkos::parallel_for(
        "radix_buckets",
        Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace, Kokkos::Schedule<Kokkos::Dynamic>>(0, 256,
                                                                                                 Kokkos::ChunkSize(1)),
        KOKKOS_LAMBDA(const std::size_t b) { sort_low24(tmp + st[b], xp + st[b], st[b + 1] - st[b]); });
    Kokkos::fence();
}
