// OpenMP reference of count_occurrences: sort, then merge, all in parallel. x is sorted with a
// parallel LSD radix sort (sign bit flipped; three passes of 11-bit digits; per-thread digit
// histograms of contiguous chunks turned into digit-major, thread-minor offsets, so every scatter
// is stable and parallel; constant digits skipped), the queries likewise as (value, index) records.
// The sorted queries are then split over the threads, and each thread walks its part together with
// the sorted x from a binary-searched start, counting the run of every query value.
#include <omp.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace {

struct Query {
    std::uint32_t key;  // value ^ 0x80000000
    std::uint32_t idx;
};

inline std::uint32_t key_of(std::uint32_t k) { return k; }
inline std::uint32_t key_of(const Query &q) { return q.key; }

constexpr int BITS = 11, PASSES = 3;
constexpr std::size_t RADIX = std::size_t{1} << BITS, MASK = RADIX - 1;
constexpr std::size_t PARALLEL_MIN = 1 << 15;

// Parallel stable LSD radix sort of a[0, n) by 32-bit key, b has room for n records; returns the
// buffer that holds the result. Every thread owns one contiguous chunk for a whole pass: it counts
// the digits of its chunk (the first pass uses the histograms of one read pass over all digits,
// later passes recount), the counts become digit-major, thread-minor offsets (a stable scatter),
// and every thread scatters its chunk. A pass whose digit is the same for all records is skipped.
template <class R>
R *parallel_radix_sort(R *a, R *b, std::size_t n) {
    std::vector<std::size_t> count;  // [pass][thread][digit]
    bool skip[PASSES] = {false, false, false};
    R *result = a;
#pragma omp parallel if (n >= PARALLEL_MIN)
    {
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t lo = (t * n) / nt, hi = ((t + 1) * n) / nt;
#pragma omp single
        count.assign(PASSES * nt * RADIX, 0);
        auto hist = [&](int p, std::size_t q) { return count.data() + (static_cast<std::size_t>(p) * nt + q) * RADIX; };
        R *src = a, *dst = b;
        for (std::size_t i = lo; i < hi; ++i) {
            const std::uint32_t k = key_of(src[i]);
            for (int p = 0; p < PASSES; ++p) ++hist(p, t)[(k >> (p * BITS)) & MASK];
        }
#pragma omp barrier
#pragma omp single
        for (int p = 0; p < PASSES; ++p)
            for (std::size_t d = 0; d < RADIX && !skip[p]; ++d) {
                std::size_t total = 0;
                for (std::size_t q = 0; q < nt; ++q) total += hist(p, q)[d];
                skip[p] = total == n;
            }
        bool counted = true;
        for (int p = 0; p < PASSES; ++p) {
            if (skip[p]) continue;
            const int shift = p * BITS;
            std::size_t *c = hist(p, t);
            if (!counted) {
                for (std::size_t d = 0; d < RADIX; ++d) c[d] = 0;
                for (std::size_t i = lo; i < hi; ++i) ++c[(key_of(src[i]) >> shift) & MASK];
#pragma omp barrier
            }
            counted = false;
#pragma omp single
            {
                std::size_t sum = 0;
                for (std::size_t d = 0; d < RADIX; ++d)
                    for (std::size_t q = 0; q < nt; ++q) {
                        const std::size_t v = hist(p, q)[d];
                        hist(p, q)[d] = sum;
                        sum += v;
                    }
            }
            for (std::size_t i = lo; i < hi; ++i) dst[c[(key_of(src[i]) >> shift) & MASK]++] = src[i];
            std::swap(src, dst);
#pragma omp barrier
        }
        if (t == 0) result = src;
    }
    return result;
}

// counts[q.idx] for the sorted queries q[0, m) against the sorted keys s[0, n).
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

// The sorted queries q[0, m) split over the threads; each thread finds where its first query
// value starts in s with a binary search, then walks (threads may share a value: both count it).
void parallel_merge_count(const std::uint32_t *s, std::size_t n, const Query *q, std::size_t m, int64_t *counts) {
#pragma omp parallel if (n + m >= PARALLEL_MIN)
    {
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t lo = (t * m) / nt, hi = ((t + 1) * m) / nt;
        if (lo < hi) {
            const std::size_t j = static_cast<std::size_t>(std::lower_bound(s, s + n, q[lo].key) - s);
            merge_count(s + j, n - j, q + lo, hi - lo, counts);
        }
    }
}

}  // namespace

void count_occurrences(const std::vector<int32_t> &x, const std::vector<int32_t> &queries,
                       std::vector<int64_t> &counts) {
    const std::size_t n = x.size(), m = queries.size();
    std::unique_ptr<std::uint32_t[]> s0(new std::uint32_t[n > 0 ? n : 1]), s1(new std::uint32_t[n > 0 ? n : 1]);
    std::unique_ptr<Query[]> q0(new Query[m > 0 ? m : 1]), q1(new Query[m > 0 ? m : 1]);
    const std::ptrdiff_t sn = static_cast<std::ptrdiff_t>(n), sm = static_cast<std::ptrdiff_t>(m);
#pragma omp parallel if (n + m >= PARALLEL_MIN)
    {
#pragma omp for schedule(static) nowait
        for (std::ptrdiff_t i = 0; i < sn; ++i) s0[i] = static_cast<std::uint32_t>(x[i]) ^ 0x80000000u;
#pragma omp for schedule(static)
        for (std::ptrdiff_t i = 0; i < sm; ++i)
            q0[i] = Query{static_cast<std::uint32_t>(queries[i]) ^ 0x80000000u, static_cast<std::uint32_t>(i)};
    }
    const std::uint32_t *s = parallel_radix_sort(s0.get(), s1.get(), n);
    const Query *q = parallel_radix_sort(q0.get(), q1.get(), m);
    parallel_merge_count(s, n, q, m, counts.data());
}
