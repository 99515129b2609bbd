// MPI reference of count_occurrences: the value range is split over the ranks at quantiles of a
// regular sample of x (the same on every rank, no communication), so each rank owns about n / P
// values and every query value lives on exactly one rank. Each rank collects its values and its
// queries from its copy of the inputs (without branches), sorts both with an LSD radix sort (sign
// bit flipped, three passes of 11-bit digits, constant digits skipped; queries as (value, index)
// records), and walks the two sorted arrays together to count the run of every query value. The
// counts (zero for other ranks' queries) are summed into rank 0's output with MPI_Reduce.
#include <mpi.h>

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

// Stable LSD radix sort of a[0, n) by 32-bit key; tmp has room for n records. Returns the buffer
// that holds the sorted records (a or tmp).
template <class R>
R *radix_sort(R *a, R *tmp, std::size_t n) {
    constexpr int BITS = 11, PASSES = 3;
    constexpr std::size_t RADIX = std::size_t{1} << BITS, MASK = RADIX - 1;
    std::vector<std::size_t> count(PASSES * RADIX, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t k = key_of(a[i]);
        for (int p = 0; p < PASSES; ++p) ++count[p * RADIX + ((k >> (p * BITS)) & MASK)];
    }
    for (int p = 0; p < PASSES; ++p) {
        std::size_t *c = count.data() + p * RADIX;
        bool constant = false;
        std::size_t sum = 0;
        for (std::size_t d = 0; d < RADIX; ++d) {
            if (c[d] == n) constant = true;
            const std::size_t t = c[d];
            c[d] = sum;
            sum += t;
        }
        if (constant) continue;
        const int shift = p * BITS;
        for (std::size_t i = 0; i < n; ++i) tmp[c[(key_of(a[i]) >> shift) & MASK]++] = a[i];
        std::swap(a, tmp);
    }
    return a;
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
    const std::uint32_t *s = radix_sort(s0.get(), s1.get(), ns);
    const Query *q = radix_sort(q0.get(), q1.get(), nq);
    // Counts of this rank's queries, zeros elsewhere; summed into rank 0's counts.
    std::vector<int64_t> local;
    int64_t *out = counts.data();
    if (rank != 0) {
        local.resize(m);
        out = local.data();
    }
    for (std::size_t i = 0; i < m; ++i) out[i] = 0;
    merge_count(s, ns, q, nq, out);
    if (size == 1) return;
    const int cnt = static_cast<int>(m);
    if (rank == 0)
        MPI_Reduce(MPI_IN_PLACE, counts.data(), cnt, MPI_INT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
    else
        MPI_Reduce(local.data(), nullptr, cnt, MPI_INT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
}
