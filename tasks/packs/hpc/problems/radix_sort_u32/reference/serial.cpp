// Serial reference of radix_sort_u32: one MSD pass, then LSD inside each bucket. A first pass
// counts the top bytes and a second scatters x by top byte into a scratch buffer (256 contiguous
// buckets); each bucket is then sorted by its low 24 bits with up to three LSD counting-sort passes
// that ping-pong between the bucket's range of the scratch buffer and of x, ending in x. For a
// well-spread input each bucket (n / 256 keys) stays in cache for all its passes, so the data crosses
// memory about twice instead of eight times as in a plain four-pass LSD sort.
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
    std::size_t start[257] = {0};
    for (std::size_t i = 0; i < n; ++i) ++start[(xp[i] >> 24) + 1];
    for (int b = 0; b < 256; ++b) start[b + 1] += start[b];
    std::size_t pos[256];
    std::memcpy(pos, start, sizeof pos);
    for (std::size_t i = 0; i < n; ++i) {
        const uint32_t k = xp[i];
        tmp[pos[k >> 24]++] = k;
    }
    for (int b = 0; b < 256; ++b) sort_low24(tmp + start[b], xp + start[b], start[b + 1] - start[b]);
}
