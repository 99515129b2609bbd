// OpenMP reference of sort_doubles: a parallel MSD radix pass, then in-cache LSD radix sorts of the
// buckets, shared out over the threads. Each double maps to an unsigned key whose order is the numeric
// order. Each thread counts the top 16 bits of the keys of its block of x (per-thread histograms);
// after a barrier the bucket starts and each thread's offsets within every bucket are known, and the
// threads scatter their keys into a scratch buffer (65536 contiguous buckets). After a second barrier
// every thread takes a contiguous range of buckets holding about n / threads keys and sorts each bucket
// by its low 48 bits (insertion sort when tiny, else up to six LSD passes) ping-ponging with x's range
// for the bucket, which receives the doubles. No merge is needed.
#include <omp.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace {

constexpr uint64_t SIGN = 0x8000000000000000ULL;
constexpr std::size_t NB = 65536;  // buckets of the MSD pass: the top 16 bits of the key

// An unsigned key whose order is the numeric order of the double (-0.0 just below +0.0).
inline uint64_t to_key(double d) {
    uint64_t u;
    std::memcpy(&u, &d, sizeof u);
    return (u & SIGN) ? ~u : (u | SIGN);
}
inline double from_key(uint64_t k) {
    const uint64_t u = (k & SIGN) ? (k & ~SIGN) : ~k;
    double d;
    std::memcpy(&d, &u, sizeof d);
    return d;
}
// The buffers are handled as bytes with memcpy (x's storage holds keys for a while: no type punning).
inline uint64_t load(const unsigned char *p, std::size_t i) {
    uint64_t k;
    std::memcpy(&k, p + 8 * i, 8);
    return k;
}
inline void store(unsigned char *p, std::size_t i, uint64_t k) { std::memcpy(p + 8 * i, &k, 8); }
inline void store_double(unsigned char *p, std::size_t i, double d) { std::memcpy(p + 8 * i, &d, 8); }

// Sorts the m keys at `keys`, which share their top 16 bits, and writes the corresponding doubles,
// ascending, to `out`: insertion sort for a handful of keys, else up to six LSD counting-sort passes
// over the low 48 bits (8-bit digits, all histograms from one pass, a pass whose digit is the same for
// every key skipped) ping-ponging between `keys` and `out`. A bucket is small enough to stay in cache.
void sort_bucket(unsigned char *keys, unsigned char *out, std::size_t m) {
    if (m < 64) {
        for (std::size_t i = 1; i < m; ++i) {
            const uint64_t k = load(keys, i);
            std::size_t j = i;
            for (; j > 0 && load(keys, j - 1) > k; --j) store(keys, j, load(keys, j - 1));
            store(keys, j, k);
        }
        for (std::size_t i = 0; i < m; ++i) store_double(out, i, from_key(load(keys, i)));
        return;
    }
    std::size_t hist[6][256];
    std::memset(hist, 0, sizeof hist);
    for (std::size_t i = 0; i < m; ++i) {
        const uint64_t k = load(keys, i);
        for (int p = 0; p < 6; ++p) ++hist[p][(k >> (8 * p)) & 0xFF];
    }
    const uint64_t first = load(keys, 0);
    unsigned char *src = keys, *dst = out;
    for (int p = 0; p < 6; ++p) {
        std::size_t *h = hist[p];
        const int shift = 8 * p;
        if (h[(first >> shift) & 0xFF] == m) continue;  // every key has this digit: the pass is the identity
        std::size_t sum = 0;
        for (int d = 0; d < 256; ++d) {
            const std::size_t c = h[d];
            h[d] = sum;
            sum += c;
        }
        for (std::size_t i = 0; i < m; ++i) {
            const uint64_t k = load(src, i);
            store(dst, h[(k >> shift) & 0xFF]++, k);
        }
        std::swap(src, dst);
    }
    for (std::size_t i = 0; i < m; ++i) store_double(out, i, from_key(load(src, i)));
}

// The first bucket of each of `parts` contiguous ranges holding about n / parts keys each, from the
// bucket starts (start has NB + 1 entries): part p gets the buckets [first[p], first[p + 1]).
std::vector<std::size_t> split_buckets(const std::size_t *start, std::size_t n, std::size_t parts) {
    std::vector<std::size_t> first(parts + 1, NB);
    first[0] = 0;
    for (std::size_t p = 1; p < parts; ++p)
        first[p] = static_cast<std::size_t>(std::lower_bound(start, start + NB, (p * n) / parts) - start);
    return first;
}

}  // namespace

void sort_doubles(std::vector<double> &x) {
    const std::size_t n = x.size();
    if (n < 2048) {
        std::sort(x.begin(), x.end());
        return;
    }
    std::unique_ptr<uint64_t[]> scratch(new uint64_t[n]);
    unsigned char *keys = reinterpret_cast<unsigned char *>(scratch.get());
    unsigned char *xb = reinterpret_cast<unsigned char *>(x.data());
    const double *xp = x.data();
    const int T = n < 50000 ? 1 : omp_get_max_threads();
    std::vector<uint32_t> counts(static_cast<std::size_t>(T) * NB, 0);  // per thread and bucket (n < 2^32)
    std::vector<std::size_t> start(NB + 1, 0), first;
#pragma omp parallel num_threads(T)
    {
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t lo = n * t / nt, hi = n * (t + 1) / nt;
        uint32_t *mine = counts.data() + t * NB;
        for (std::size_t i = lo; i < hi; ++i) ++mine[to_key(xp[i]) >> 48];
#pragma omp barrier
#pragma omp single
        {
            std::size_t sum = 0;
            for (std::size_t b = 0; b < NB; ++b) {
                start[b] = sum;
                for (std::size_t u = 0; u < nt; ++u) sum += counts[u * NB + b];
            }
            start[NB] = sum;
            first = split_buckets(start.data(), n, nt);
        }  // implicit barrier
        // This thread's part of bucket b starts after the parts of the threads before it.
        std::vector<std::size_t> pos(start.begin(), start.end() - 1);
        for (std::size_t u = 0; u < t; ++u)
            for (std::size_t b = 0; b < NB; ++b) pos[b] += counts[u * NB + b];
        for (std::size_t i = lo; i < hi; ++i) {
            const uint64_t k = to_key(xp[i]);
            store(keys, pos[k >> 48]++, k);
        }
#pragma omp barrier
        for (std::size_t b = first[t]; b < first[t + 1]; ++b)
            if (start[b + 1] > start[b]) sort_bucket(keys + 8 * start[b], xb + 8 * start[b], start[b + 1] - start[b]);
    }
}
