// MPI reference of radix_sort_u32: the 256 top-byte buckets are shared out as contiguous ranges of
// about n / ranks keys each, no merge. Every rank counts the top bytes of its full copy of x (so all
// ranks agree on the bucket sizes and the ranges), then makes a second pass that scatters only the keys
// of its own buckets into a scratch buffer, sorts each of its buckets by the low 24 bits with up to
// three LSD passes that ping-pong between the scratch buffer and its copy of x at the bucket's final
// position (a bucket of a well-spread input stays in cache), and rank 0 gathers the ranks' sorted
// ranges with MPI_Gatherv straight into place.
#include <mpi.h>

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
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = x.size();
    if (n < 256) {  // too small to share: rank 0 alone
        if (rank == 0) std::sort(x.begin(), x.end());
        return;
    }
    uint32_t *xp = x.data();
    std::size_t start[257] = {0};
    for (std::size_t i = 0; i < n; ++i) ++start[(xp[i] >> 24) + 1];
    for (int b = 0; b < 256; ++b) start[b + 1] += start[b];
    // Rank r takes the buckets [first[r], first[r + 1]): the first bucket that starts at or past r * n / P.
    const std::size_t P = static_cast<std::size_t>(size);
    std::vector<int> first(P + 1, 256);
    for (std::size_t r = 0; r < P; ++r)
        first[r] = static_cast<int>(std::lower_bound(start, start + 256, (r * n) / P) - start);
    first[0] = 0;
    const int b0 = first[rank], b1 = first[rank + 1];
    const std::size_t base = start[b0], m = start[b1] - base;

    std::unique_ptr<uint32_t[]> scratch(new uint32_t[m > 0 ? m : 1]);
    uint32_t *tmp = scratch.get();
    std::size_t pos[256];
    for (int b = 0; b < 256; ++b) pos[b] = start[b] - base;
    const uint32_t lo_key = static_cast<uint32_t>(b0) << 24;
    for (std::size_t i = 0; i < n; ++i) {
        const uint32_t k = xp[i];
        const uint32_t b = k >> 24;
        if (k - lo_key < (static_cast<uint64_t>(b1 - b0) << 24)) tmp[pos[b]++] = k;  // b0 <= b < b1
    }
    for (int b = b0; b < b1; ++b) sort_low24(tmp + (start[b] - base), xp + start[b], start[b + 1] - start[b]);

    if (size == 1) return;
    std::vector<int> counts(size), displs(size);
    for (int r = 0; r < size; ++r) {
        displs[r] = static_cast<int>(start[first[r]]);
        counts[r] = static_cast<int>(start[first[r + 1]] - start[first[r]]);
    }
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_UINT32_T, xp, counts.data(), displs.data(), MPI_UINT32_T, 0,
                    MPI_COMM_WORLD);
    else
        MPI_Gatherv(xp + base, counts[rank], MPI_UINT32_T, nullptr, nullptr, nullptr, MPI_UINT32_T, 0,
                    MPI_COMM_WORLD);
}
