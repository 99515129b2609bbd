// Kokkos reference of sort_doubles: a parallel MSD radix pass on the top 16 key bits (per-chunk histograms, parallel scatter), then in-cache LSD radix sorts of bucket ranges in parallel.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace {

constexpr std::uint64_t SIGN_BIT = 0x8000000000000000ULL;
constexpr std::size_t NBUCKET = 65536;  // the top 16 bits of a key

// Unsigned key in the numeric order of the double (-0.0 sorts just below +0.0, which is allowed).
inline std::uint64_t key_of(double d) {
    std::uint64_t u;
    std::memcpy(&u, &d, sizeof u);
    return (u & SIGN_BIT) ? ~u : (u | SIGN_BIT);
}
inline double double_of(std::uint64_t k) {
    const std::uint64_t u = (k & SIGN_BIT) ? (k & ~SIGN_BIT) : ~k;
    double d;
    std::memcpy(&d, &u, sizeof d);
    return d;
}
// Buffers are accessed as bytes through memcpy: x's storage holds keys for a while.
inline std::uint64_t get_key(const unsigned char *p, std::size_t i) {
    std::uint64_t k;
    std::memcpy(&k, p + 8 * i, 8);
    return k;
}
inline void put_key(unsigned char *p, std::size_t i, std::uint64_t k) { std::memcpy(p + 8 * i, &k, 8); }
inline void put_double(unsigned char *p, std::size_t i, double d) { std::memcpy(p + 8 * i, &d, 8); }

// Sort the m keys at `src` (same top 16 bits) and write their doubles ascending to `out` (which is
// also used as the ping-pong buffer): insertion sort when tiny, else LSD passes with 8-bit digits over
// the low 48 bits, skipping a pass whose digit is equal for every key.
void sort_one_bucket(unsigned char *src, unsigned char *out, std::size_t m) {
    if (m < 64) {
        for (std::size_t i = 1; i < m; ++i) {
            const std::uint64_t k = get_key(src, i);
            std::size_t j = i;
            while (j > 0 && get_key(src, j - 1) > k) {
                put_key(src, j, get_key(src, j - 1));
                --j;
            }
            put_key(src, j, k);
        }
        for (std::size_t i = 0; i < m; ++i) put_double(out, i, double_of(get_key(src, i)));
        return;
    }
    std::size_t cnt[6][256];
    std::memset(cnt, 0, sizeof cnt);
    for (std::size_t i = 0; i < m; ++i) {
        const std::uint64_t k = get_key(src, i);
        for (int p = 0; p < 6; ++p) ++cnt[p][(k >> (8 * p)) & 0xFF];
    }
    const std::uint64_t k0 = get_key(src, 0);
    unsigned char *from = src, *to = out;
    for (int p = 0; p < 6; ++p) {
        std::size_t *c = cnt[p];
        const int sh = 8 * p;
        if (c[(k0 >> sh) & 0xFF] == m) continue;
        std::size_t run = 0;
        for (int d = 0; d < 256; ++d) {
            const std::size_t v = c[d];
            c[d] = run;
            run += v;
        }
        for (std::size_t i = 0; i < m; ++i) {
            const std::uint64_t k = get_key(from, i);
            put_key(to, c[(k >> sh) & 0xFF]++, k);
        }
        std::swap(from, to);
    }
    for (std::size_t i = 0; i < m; ++i) put_double(out, i, double_of(get_key(from, i)));
}

}  // namespace

void sort_doubles(std::vector<double> &x) {
    const std::size_t n = x.size();
    if (n < 2048) {
        std::sort(x.begin(), x.end());
        return;
    }
    std::unique_ptr<std::uint64_t[]> scratch(new std::uint64_t[n]);
    unsigned char *keys = reinterpret_cast<unsigned char *>(scratch.get());
    unsigned char *xb = reinterpret_cast<unsigned char *>(x.data());
    const double *xp = x.data();
    const std::size_t T =
        n < 50000 ? 1 : static_cast<std::size_t>(Kokkos::DefaultHostExecutionSpace::concurrency());
    // counts[c * NBUCKET + b]: keys of chunk c in bucket b (n < 2^32), later chunk c's write position in b
    std::vector<std::uint32_t> counts(T * NBUCKET, 0);
    std::vector<std::size_t> start(NBUCKET + 1, 0), first(T + 1, NBUCKET);
    std::uint32_t *cp = counts.data();
    using Policy = Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>;

    Kokkos::parallel_for(
        "sort_doubles_count", Policy(0, T), KOKKOS_LAMBDA(const std::size_t c) {
            const std::size_t lo = n * c / T, hi = n * (c + 1) / T;
            std::uint32_t *h = cp + c * NBUCKET;
            for (std::size_t i = lo; i < hi; ++i) ++h[key_of(xp[i]) >> 48];
        });
    Kokkos::fence();
    // Bucket starts, and each chunk's offset in each bucket (chunks in order within a bucket).
    std::size_t total = 0;
    for (std::size_t b = 0; b < NBUCKET; ++b) {
        start[b] = total;
        for (std::size_t c = 0; c < T; ++c) {
            const std::uint32_t v = counts[c * NBUCKET + b];
            counts[c * NBUCKET + b] = static_cast<std::uint32_t>(total);
            total += v;
        }
    }
    start[NBUCKET] = total;
    // Chunk c of the bucket sort gets the buckets [first[c], first[c + 1]), about n / T keys.
    first[0] = 0;
    for (std::size_t c = 1; c < T; ++c)
        first[c] = static_cast<std::size_t>(
            std::lower_bound(start.begin(), start.begin() + NBUCKET, (c * n) / T) - start.begin());

    Kokkos::parallel_for(
        "sort_doubles_scatter", Policy(0, T), KOKKOS_LAMBDA(const std::size_t c) {
            const std::size_t lo = n * c / T, hi = n * (c + 1) / T;
            std::uint32_t *pos = cp + c * NBUCKET;
            for (std::size_t i = lo; i < hi; ++i) {
                const std::uint64_t k = key_of(xp[i]);
                put_key(keys, pos[k >> 48]++, k);
            }
        });
    Kokkos::fence();

    const std::size_t *sp = start.data();
    const std::size_t *fp = first.data();
    Kokkos::parallel_for(
        "sort_doubles_buckets", Policy(0, T), KOKKOS_LAMBDA(const std::size_t c) {
            for (std::size_t b = fp[c]; b < fp[c + 1]; ++b)
                if (sp[b + 1] > sp[b]) sort_one_bucket(keys + 8 * sp[b], xb + 8 * sp[b], sp[b + 1] - sp[b]);
        });
    Kokkos::fence();
}
