// Kokkos reference of count_occurrences: x and the (value, index) queries sorted by a chunked stable LSD radix sort (three 11-bit digits; parallel_for count and scatter passes, constant digits skipped), then the sorted queries split over chunks that each walk the sorted x from a binary-searched start.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace {

using Exec = Kokkos::DefaultHostExecutionSpace;
using Policy = Kokkos::RangePolicy<Exec>;

struct Query {
    std::uint32_t key;  // value with the sign bit flipped (unsigned order = signed order)
    std::uint32_t idx;
};

inline std::uint32_t key_of(std::uint32_t k) { return k; }
inline std::uint32_t key_of(const Query &q) { return q.key; }

constexpr int BITS = 11, PASSES = 3;
constexpr std::size_t RADIX = std::size_t{1} << BITS, MASK = RADIX - 1;
constexpr std::size_t PARALLEL_MIN = 1 << 15;

std::size_t workers(std::size_t work) {
    if (work < PARALLEL_MIN) return 1;
    const int c = Exec::concurrency();
    return c > 0 ? static_cast<std::size_t>(c) : 1;
}

// Runs body(t) for t in [0, T): a parallel_for over the chunks, or a plain call when T == 1.
template <class F>
void each_chunk(const char *label, std::size_t T, const F &body) {
    if (T == 1) {
        body(0);
        return;
    }
    Kokkos::parallel_for(label, Policy(0, T), body);
    Kokkos::fence();
}

// Stable LSD radix sort of a[0, n) by key, b has room for n records; returns the buffer holding the
// result. Chunk t of T owns records [n t / T, n (t + 1) / T) in every pass: it counts its digits (one
// read for all digits first, recounts in later passes), the counts become digit-major, chunk-minor
// offsets, and it scatters its records there. Passes whose digit is shared by all records are skipped.
template <class R>
R *radix_sort(R *a, R *b, std::size_t n) {
    const std::size_t T = workers(n);
    std::vector<std::size_t> countv(PASSES * T * RADIX, 0);  // [pass][chunk][digit]
    std::size_t *count = countv.data();
    {
        const R *src = a;
        each_chunk("occ_count", T, KOKKOS_LAMBDA(const std::size_t t) {
            std::size_t *h[PASSES];
            for (int p = 0; p < PASSES; ++p) h[p] = count + (static_cast<std::size_t>(p) * T + t) * RADIX;
            for (std::size_t i = n * t / T, e = n * (t + 1) / T; i < e; ++i) {
                const std::uint32_t k = key_of(src[i]);
                for (int p = 0; p < PASSES; ++p) ++h[p][(k >> (p * BITS)) & MASK];
            }
        });
    }
    bool skip[PASSES];
    for (int p = 0; p < PASSES; ++p) {
        skip[p] = false;
        for (std::size_t d = 0; d < RADIX && !skip[p]; ++d) {
            std::size_t total = 0;
            for (std::size_t q = 0; q < T; ++q) total += count[(static_cast<std::size_t>(p) * T + q) * RADIX + d];
            skip[p] = total == n;
        }
    }
    R *src = a, *dst = b;
    bool counted = true;
    for (int p = 0; p < PASSES; ++p) {
        if (skip[p]) continue;
        const int shift = p * BITS;
        std::size_t *hp = count + static_cast<std::size_t>(p) * T * RADIX;  // this pass: [chunk][digit]
        const R *s = src;
        R *o = dst;
        if (!counted) {
            each_chunk("occ_recount", T, KOKKOS_LAMBDA(const std::size_t t) {
                std::size_t *c = hp + t * RADIX;
                for (std::size_t d = 0; d < RADIX; ++d) c[d] = 0;
                for (std::size_t i = n * t / T, e = n * (t + 1) / T; i < e; ++i) ++c[(key_of(s[i]) >> shift) & MASK];
            });
        }
        counted = false;
        std::size_t sum = 0;
        for (std::size_t d = 0; d < RADIX; ++d)
            for (std::size_t q = 0; q < T; ++q) {
                const std::size_t v = hp[q * RADIX + d];
                hp[q * RADIX + d] = sum;
                sum += v;
            }
        each_chunk("occ_scatter", T, KOKKOS_LAMBDA(const std::size_t t) {
            std::size_t *c = hp + t * RADIX;
            for (std::size_t i = n * t / T, e = n * (t + 1) / T; i < e; ++i) o[c[(key_of(s[i]) >> shift) & MASK]++] = s[i];
        });
        std::swap(src, dst);
    }
    return src;
}

// counts[q.idx] for sorted queries q[0, m) against sorted keys s[0, n), walking both.
void merge_count(const std::uint32_t *s, std::size_t n, const Query *q, std::size_t m, int64_t *counts) {
    std::size_t j = 0, t = 0;
    while (t < m) {
        const std::uint32_t key = q[t].key;
        while (j < n && s[j] < key) ++j;
        std::size_t e = j;
        while (e < n && s[e] == key) ++e;
        const int64_t c = static_cast<int64_t>(e - j);
        for (; t < m && q[t].key == key; ++t) counts[q[t].idx] = c;
        j = e;
    }
}

}  // namespace

void count_occurrences(const std::vector<int32_t> &x, const std::vector<int32_t> &queries,
                       std::vector<int64_t> &counts) {
    const std::size_t n = x.size(), m = queries.size();
    std::unique_ptr<std::uint32_t[]> s0(new std::uint32_t[n > 0 ? n : 1]), s1(new std::uint32_t[n > 0 ? n : 1]);
    std::unique_ptr<Query[]> q0(new Query[m > 0 ? m : 1]), q1(new Query[m > 0 ? m : 1]);
    const std::int32_t *xp = x.data(), *qp = queries.data();
    std::uint32_t *sp = s0.get();
    Query *qr = q0.get();
    const std::size_t T = workers(n + m);
    // Keys with the sign bit flipped; chunk t packs its share of x and of the queries.
    each_chunk("occ_pack", T, KOKKOS_LAMBDA(const std::size_t t) {
        for (std::size_t i = n * t / T, e = n * (t + 1) / T; i < e; ++i) sp[i] = static_cast<std::uint32_t>(xp[i]) ^ 0x80000000u;
        for (std::size_t i = m * t / T, e = m * (t + 1) / T; i < e; ++i)
            qr[i] = Query{static_cast<std::uint32_t>(qp[i]) ^ 0x80000000u, static_cast<std::uint32_t>(i)};
    });
    const std::uint32_t *s = radix_sort(s0.get(), s1.get(), n);
    const Query *q = radix_sort(q0.get(), q1.get(), m);
    int64_t *cp = counts.data();
    // Each chunk of the sorted queries starts at its first value's run in s (a value split between
    // chunks is counted by both).
    each_chunk("occ_merge", T, KOKKOS_LAMBDA(const std::size_t t) {
        const std::size_t lo = m * t / T, hi = m * (t + 1) / T;
        if (lo < hi) {
            const std::size_t j = static_cast<std::size_t>(std::lower_bound(s, s + n, q[lo].key) - s);
            merge_count(s + j, n - j, q + lo, hi - lo, cp);
        }
    });
}
