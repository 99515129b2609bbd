// OpenMP reference of radix_sort_u32: one parallel MSD pass, then independent LSD sorts per bucket.
// Each thread counts the top bytes of its block of x; after a barrier it scatters its block into a
// scratch buffer at its own offsets within each of the 256 buckets (thread order within a bucket, so
// the buckets are contiguous). After a second barrier the threads share out the buckets dynamically
// (large and small buckets balance out) and sort each by its low 24 bits with up to three LSD passes
// that ping-pong between the bucket's range of the scratch buffer and of x, ending in x; a bucket of a
// well-spread input stays in the sorting thread's cache for all its passes.
#include <omp.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace {

// Sorts the m keys at src, which all share their top byte, by their low 24 bits and leaves them in
// dst: up to three stable counting-sort passes over 8-bit digits (all three histograms from one pass;
// a pass whose digit is the same for every key is skipped), ping-ponging between src and dst. A
// bucket of a well-spread input is small enough to stay in cache for all its passes.
void sort_low24(uint32_t *src, uint32_t *dst, std::size_t m) {
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
    const uint32_t first = src[0];
    for (int p = 0; p < 3; ++p) {
        uint32_t *h = hist[p];
        const int shift = 8 * p;
        if (h[(first >> shift) & 0xFF] == m) continue;  // every key has this digit: the pass is the identity
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
    const std::size_t T = n < 50000 ? 1 : static_cast<std::size_t>(omp_get_max_threads());
    std::vector<std::size_t> counts(T * 256, 0), start(257, 0);
#pragma omp parallel num_threads(static_cast<int>(T))
    {
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t lo = n * t / nt, hi = n * (t + 1) / nt;
        std::size_t *mine = counts.data() + t * 256;
        for (std::size_t i = lo; i < hi; ++i) ++mine[xp[i] >> 24];
#pragma omp barrier
        // Offsets: the buckets before b, then the parts of bucket b from the threads before t.
        std::size_t pos[256], sum = 0;
        for (std::size_t b = 0; b < 256; ++b) {
            if (t == 0) start[b] = sum;
            for (std::size_t u = 0; u < nt; ++u) {
                if (u == t) pos[b] = sum;
                sum += counts[u * 256 + b];
            }
        }
        if (t == 0) start[256] = sum;
        for (std::size_t i = lo; i < hi; ++i) {
            const uint32_t k = xp[i];
            tmp[pos[k >> 24]++] = k;
        }
#pragma omp barrier
#pragma omp for schedule(dynamic, 1)
        for (int b = 0; b < 256; ++b) sort_low24(tmp + start[b], xp + start[b], start[b + 1] - start[b]);
    }
}
