// Serial reference of count_occurrences: sort, then merge. x is sorted with an LSD radix sort
// (sign bit flipped so that unsigned order is signed order; three passes of 11-bit digits, all
// histograms from one read pass, constant digits skipped), the queries likewise as (value, index)
// records. One simultaneous walk over both sorted arrays then counts the run of every query value
// in x, so no binary search is needed: O(n + m) work that streams through memory.
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

}  // namespace

void count_occurrences(const std::vector<int32_t> &x, const std::vector<int32_t> &queries,
                       std::vector<int64_t> &counts) {
    const std::size_t n = x.size(), m = queries.size();
    std::unique_ptr<std::uint32_t[]> s0(new std::uint32_t[n > 0 ? n : 1]), s1(new std::uint32_t[n > 0 ? n : 1]);
    for (std::size_t i = 0; i < n; ++i) s0[i] = static_cast<std::uint32_t>(x[i]) ^ 0x80000000u;
    const std::uint32_t *s = radix_sort(s0.get(), s1.get(), n);
    std::unique_ptr<Query[]> q0(new Query[m > 0 ? m : 1]), q1(new Query[m > 0 ? m : 1]);
    for (std::size_t i = 0; i < m; ++i)
        q0[i] = Query{static_cast<std::uint32_t>(queries[i]) ^ 0x80000000u, static_cast<std::uint32_t>(i)};
    const Query *q = radix_sort(q0.get(), q1.get(), m);
    merge_count(s, n, q, m, counts.data());
}
