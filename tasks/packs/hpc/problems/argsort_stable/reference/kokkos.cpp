// Kokkos reference of argsort_stable: a sample sort of (order-preserving key, index) records with one bucket per host thread; parallel_for passes count, scatter (stably) and radix-sort each bucket.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

namespace {

struct Rec {
    std::uint64_t key;
    std::uint64_t idx;
};

inline bool rec_less(const Rec &a, const Rec &b) { return a.key < b.key || (a.key == b.key && a.idx < b.idx); }

// An unsigned integer with the order of the double (no NaN); -0.0 is mapped as +0.0 so the zeros tie.
inline std::uint64_t order_key(double v) {
    if (v == 0.0) v = 0.0;
    std::uint64_t b;
    std::memcpy(&b, &v, sizeof b);
    return (b >> 63) ? ~b : (b | (std::uint64_t{1} << 63));
}

// Stable LSD radix sort of a[0, n) by key, 11-bit digits, skipping digits constant over the range;
// tmp holds n records. Returns the buffer with the sorted records (a or tmp).
Rec *radix_sort(Rec *a, Rec *tmp, std::size_t n) {
    constexpr int BITS = 11, PASSES = 6;
    constexpr std::size_t RADIX = std::size_t{1} << BITS, MASK = RADIX - 1;
    std::vector<std::size_t> count(PASSES * RADIX, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t k = a[i].key;
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
        for (std::size_t i = 0; i < n; ++i) tmp[c[(a[i].key >> shift) & MASK]++] = a[i];
        std::swap(a, tmp);
    }
    return a;
}

// The bucket of r: how many splitters are <= r.
inline std::size_t bucket_of(const Rec *spl, std::size_t ns, const Rec &r) {
    return static_cast<std::size_t>(std::upper_bound(spl, spl + ns, r, rec_less) - spl);
}

constexpr std::size_t PARALLEL_MIN = 1 << 15;

}  // namespace

void argsort_stable(const std::vector<double> &x, std::vector<int64_t> &perm) {
    const std::size_t n = x.size();
    if (n == 0) return;
    const double *xp = x.data();
    int64_t *out = perm.data();
    std::unique_ptr<Rec[]> buf(new Rec[n]), tmp(new Rec[n]);
    if (n < PARALLEL_MIN) {
        for (std::size_t i = 0; i < n; ++i) buf[i] = Rec{order_key(xp[i]), i};
        const Rec *sorted = radix_sort(buf.get(), tmp.get(), n);
        for (std::size_t j = 0; j < n; ++j) out[j] = static_cast<int64_t>(sorted[j].idx);
        return;
    }
    using Exec = Kokkos::DefaultHostExecutionSpace;
    using Policy = Kokkos::RangePolicy<Exec>;
    const std::size_t nt = static_cast<std::size_t>(Exec::concurrency() > 0 ? Exec::concurrency() : 1);

    // Splitters: the quantiles of a regular sample of 256 records per bucket (records are distinct,
    // so the buckets stay balanced however many ties there are).
    const std::size_t s = std::min(n, 256 * nt);
    std::vector<Rec> sample(s);
    for (std::size_t j = 0; j < s; ++j) {
        const std::size_t i = (j * n) / s;
        sample[j] = Rec{order_key(xp[i]), i};
    }
    std::sort(sample.begin(), sample.end(), rec_less);
    std::vector<Rec> splitters;
    for (std::size_t b = 1; b < nt; ++b) splitters.push_back(sample[(b * s) / nt]);
    const Rec *spl = splitters.data();
    const std::size_t ns = splitters.size();

    // offset[t * nt + b]: chunk t's records in bucket b (counted in a local array, stored once).
    std::vector<std::size_t> offset(nt * nt, 0), bucket_start(nt + 1, 0);
    std::size_t *off = offset.data();
    Kokkos::parallel_for(
        "argsort_count", Policy(0, nt), KOKKOS_LAMBDA(const std::size_t t) {
            std::vector<std::size_t> cnt(nt, 0);
            const std::size_t lo = (t * n) / nt, hi = ((t + 1) * n) / nt;
            for (std::size_t i = lo; i < hi; ++i) ++cnt[bucket_of(spl, ns, Rec{order_key(xp[i]), i})];
            for (std::size_t b = 0; b < nt; ++b) off[t * nt + b] = cnt[b];
        });
    Kokkos::fence();
    // Bucket-major, chunk-minor exclusive prefix sum: chunks land in index order (stable).
    std::size_t sum = 0;
    for (std::size_t b = 0; b < nt; ++b) {
        bucket_start[b] = sum;
        for (std::size_t q = 0; q < nt; ++q) {
            const std::size_t c = offset[q * nt + b];
            offset[q * nt + b] = sum;
            sum += c;
        }
    }
    bucket_start[nt] = sum;

    Rec *dst = buf.get();
    Kokkos::parallel_for(
        "argsort_scatter", Policy(0, nt), KOKKOS_LAMBDA(const std::size_t t) {
            std::vector<std::size_t> pos(off + t * nt, off + (t + 1) * nt);
            const std::size_t lo = (t * n) / nt, hi = ((t + 1) * n) / nt;
            for (std::size_t i = lo; i < hi; ++i) {
                const Rec r{order_key(xp[i]), i};
                dst[pos[bucket_of(spl, ns, r)]++] = r;
            }
        });
    Kokkos::fence();

    const std::size_t *bs = bucket_start.data();
    Rec *tp = tmp.get();
    Kokkos::parallel_for(
        "argsort_buckets", Policy(0, nt), KOKKOS_LAMBDA(const std::size_t b) {
            const std::size_t b0 = bs[b], len = bs[b + 1] - b0;
            const Rec *sorted = radix_sort(dst + b0, tp + b0, len);
            for (std::size_t j = 0; j < len; ++j) out[b0 + j] = static_cast<int64_t>(sorted[j].idx);
        });
    Kokkos::fence();
}
