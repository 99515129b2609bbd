// OpenMP reference of argsort_stable: a parallel sample sort of (key, index) records. The key is
// the double's bit pattern mapped to an unsigned integer with the same order (-0.0 made +0.0 first,
// so the two zeros tie); ordering records by (key, index) makes every record distinct, so the
// splitters (taken from a regular sample) cut the input into one bucket per thread of about n / T
// records however many ties there are. Each thread classifies its contiguous chunk and counts its
// records per bucket; the records are then scattered (stable: chunks in index order) into their
// buckets, and every thread sorts one bucket with a stable LSD radix sort (11-bit digits; digits
// equal for the whole bucket are skipped) and writes its part of the permutation.
#include <omp.h>

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

// Monotone map of a double (not NaN) to an unsigned integer: a < b  <=>  order_key(a) < order_key(b).
inline std::uint64_t order_key(double v) {
    if (v == 0.0) v = 0.0;  // -0.0 == 0.0
    std::uint64_t b;
    std::memcpy(&b, &v, sizeof b);
    return (b >> 63) ? ~b : (b | (std::uint64_t{1} << 63));
}

// Stable LSD radix sort of a[0, n) by key; tmp has room for n records. Returns the buffer that
// holds the sorted records (a or tmp).
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

// Bucket of r: the number of splitters <= r.
inline std::size_t bucket_of(const std::vector<Rec> &splitters, const Rec &r) {
    return static_cast<std::size_t>(std::upper_bound(splitters.begin(), splitters.end(), r, rec_less) -
                                    splitters.begin());
}

constexpr std::size_t PARALLEL_MIN = 1 << 15;

}  // namespace

void argsort_stable(const std::vector<double> &x, std::vector<int64_t> &perm) {
    const std::size_t n = x.size();
    if (n == 0) return;
    const double *xp = x.data();
    int64_t *out = perm.data();
    std::unique_ptr<Rec[]> buf(new Rec[n]), tmp(new Rec[n]);
    std::vector<Rec> splitters;
    std::vector<std::size_t> offset;       // [thread * nt + bucket]: where the thread's records of the bucket go
    std::vector<std::size_t> bucket_start;  // nt + 1 entries
#pragma omp parallel if (n >= PARALLEL_MIN)
    {
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
#pragma omp single
        {
            // Regular sample of 256 records per bucket; its quantiles are the splitters.
            const std::size_t s = std::min(n, 256 * nt);
            std::vector<Rec> sample(s);
            for (std::size_t j = 0; j < s; ++j) {
                const std::size_t i = (j * n) / s;
                sample[j] = Rec{order_key(xp[i]), i};
            }
            std::sort(sample.begin(), sample.end(), rec_less);
            for (std::size_t b = 1; b < nt; ++b) splitters.push_back(sample[(b * s) / nt]);
            offset.assign(nt * nt, 0);
            bucket_start.assign(nt + 1, 0);
        }
        const std::size_t lo = (t * n) / nt, hi = ((t + 1) * n) / nt;
        std::size_t *my = offset.data() + t * nt;
        for (std::size_t i = lo; i < hi; ++i) ++my[bucket_of(splitters, Rec{order_key(xp[i]), i})];
#pragma omp barrier
#pragma omp single
        {
            // Bucket-major, thread-minor exclusive prefix sum: stable placement.
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
        }
        Rec *dst = buf.get();
        for (std::size_t i = lo; i < hi; ++i) {
            const Rec r{order_key(xp[i]), i};
            dst[my[bucket_of(splitters, r)]++] = r;
        }
#pragma omp barrier
        const std::size_t b0 = bucket_start[t], len = bucket_start[t + 1] - b0;
        const Rec *sorted = radix_sort(buf.get() + b0, tmp.get() + b0, len);
        for (std::size_t j = 0; j < len; ++j) out[b0 + j] = static_cast<int64_t>(sorted[j].idx);
    }
}
