// Serial reference of sort_doubles: one MSD radix pass, then an in-cache LSD radix sort per bucket.
// Each double maps to an unsigned key whose order is the numeric order (flip every bit of a negative
// number, set the sign bit of a non-negative one). One pass counts the keys' top 16 bits (sign,
// exponent, 4 mantissa bits), a second scatters the keys into 65536 contiguous buckets of a scratch
// buffer; each bucket is then sorted by its low 48 bits (insertion sort when tiny, else up to six LSD
// counting-sort passes) ping-ponging with x's own range for the bucket, which receives the doubles.
// The data crosses memory about three times instead of ten as in a plain eight-pass LSD sort, and
// O(n) work replaces O(n log n) comparisons with unpredictable branches.
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
    std::vector<std::size_t> start(NB + 1, 0);
    for (std::size_t i = 0; i < n; ++i) ++start[(to_key(xp[i]) >> 48) + 1];
    for (std::size_t b = 0; b < NB; ++b) start[b + 1] += start[b];
    std::vector<std::size_t> pos(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < n; ++i) {
        const uint64_t k = to_key(xp[i]);
        store(keys, pos[k >> 48]++, k);
    }
    for (std::size_t b = 0; b < NB; ++b)
        if (start[b + 1] > start[b]) sort_bucket(keys + 8 * start[b], xb + 8 * start[b], start[b + 1] - start[b]);
}
