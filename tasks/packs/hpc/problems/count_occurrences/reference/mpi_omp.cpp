// MPI+OpenMP reference of count_occurrences: the value range is split over the ranks at quantiles
// of a regular sample of x (the same on every rank, no communication), so each rank owns about
// n / P values and every query value lives on exactly one rank. Each rank collects its values and
// queries (without branches), sorts both with a parallel LSD radix sort over its threads (sign bit
// flipped, three passes of 11-bit digits, per-thread histograms with digit-major, thread-minor
// offsets, constant digits skipped), and its threads walk parts of the sorted queries together
// with the sorted values to count the run of every query value. The counts (zero for other ranks'
// queries) are summed into rank 0's output with MPI_Reduce.
#include <mpi.h>
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


// This rank's value range: flipped keys in [lo, hi) (hi = 2^32 for the last rank). The bounds are
// quantiles of a regular sample of x, the same on every rank.
void key_range(const std::vector<int32_t> &x, int rank, int size, std::uint64_t &lo, std::uint64_t &hi) {
    const std::size_t n = x.size(), p = static_cast<std::size_t>(size), r = static_cast<std::size_t>(rank);
    const std::size_t s = n < 1024 * p ? n : 1024 * p;
    std::vector<std::uint32_t> sample(s);
    for (std::size_t j = 0; j < s; ++j) sample[j] = static_cast<std::uint32_t>(x[(j * n) / s]) ^ 0x80000000u;
    std::sort(sample.begin(), sample.end());
    lo = r == 0 || s == 0 ? 0 : sample[(r * s) / p];
    hi = r + 1 == p || s == 0 ? (std::uint64_t{1} << 32) : sample[((r + 1) * s) / p];
}

}  // namespace

void count_occurrences(const std::vector<int32_t> &x, const std::vector<int32_t> &queries,
                       std::vector<int64_t> &counts) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = x.size(), m = queries.size();
    std::uint64_t lo = 0, hi = 0;
    key_range(x, rank, size, lo, hi);
    auto in_range = [lo, hi](std::uint32_t k) { return (k >= lo) & (k < hi); };

    // Collect this rank's values and queries (every record is written, the end advances only past
    // the ones in range: no branches on the data).
    std::unique_ptr<std::uint32_t[]> s0(new std::uint32_t[n > 0 ? n : 1]), s1(new std::uint32_t[n > 0 ? n : 1]);
    std::unique_ptr<Query[]> q0(new Query[m > 0 ? m : 1]), q1(new Query[m > 0 ? m : 1]);
    std::size_t ns = 0, nq = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t k = static_cast<std::uint32_t>(x[i]) ^ 0x80000000u;
        s0[ns] = k;
        ns += in_range(k);
    }
    for (std::size_t i = 0; i < m; ++i) {
        const std::uint32_t k = static_cast<std::uint32_t>(queries[i]) ^ 0x80000000u;
        q0[nq] = Query{k, static_cast<std::uint32_t>(i)};
        nq += in_range(k);
    }
    const std::uint32_t *s = parallel_radix_sort(s0.get(), s1.get(), ns);
    const Query *q = parallel_radix_sort(q0.get(), q1.get(), nq);
    // Counts of this rank's queries, zeros elsewhere; summed into rank 0's counts.
    std::vector<int64_t> local;
    int64_t *out = counts.data();
    if (rank != 0) {
        local.resize(m);
        out = local.data();
    }
    for (std::size_t i = 0; i < m; ++i) out[i] = 0;
    parallel_merge_count(s, ns, q, nq, out);
    if (size == 1) return;
    const int cnt = static_cast<int>(m);
    if (rank == 0)
        MPI_Reduce(MPI_IN_PLACE, counts.data(), cnt, MPI_INT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
    else
        MPI_Reduce(local.data(), nullptr, cnt, MPI_INT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
}
