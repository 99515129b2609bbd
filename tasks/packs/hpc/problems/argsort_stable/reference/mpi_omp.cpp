// MPI+OpenMP reference of argsort_stable: a two-level sample sort. Records are (key, index) with
// the key the double's bit pattern mapped to an unsigned integer of the same order (-0.0 made
// +0.0 first, so the two zeros tie); ordered by (key, index) they are all distinct. Every rank
// draws the same regular sample from its copy of x, so all ranks agree on one key range per rank
// without communicating. Within a rank, a second sample cuts the range into one bucket per thread;
// the threads classify contiguous chunks of x, scatter the rank's records stably into the thread
// buckets, and each sorts one bucket with a stable LSD radix sort (11-bit digits, constant digits
// skipped). Rank 0 gathers the sorted index runs (in bucket order) with MPI_Gatherv into perm.
#include <mpi.h>
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

// (key, index) order, written without branches (used on unpredictable data).
inline bool rec_less(const Rec &a, const Rec &b) { return (a.key < b.key) | ((a.key == b.key) & (a.idx < b.idx)); }

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

// Number of splitters <= r.
inline std::size_t bucket_of(const std::vector<Rec> &splitters, const Rec &r) {
    return static_cast<std::size_t>(std::upper_bound(splitters.begin(), splitters.end(), r, rec_less) -
                                    splitters.begin());
}

constexpr std::size_t PARALLEL_MIN = 1 << 15;

}  // namespace

void argsort_stable(const std::vector<double> &x, std::vector<int64_t> &perm) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = x.size();
    const std::size_t p = static_cast<std::size_t>(size), me = static_cast<std::size_t>(rank);
    const double *xp = x.data();

    // Rank splitters: quantiles of a regular sample, identical on every rank.
    std::vector<Rec> splitters;
    {
        const std::size_t s = std::min(n, 256 * p);
        std::vector<Rec> sample(s);
        for (std::size_t j = 0; j < s; ++j) {
            const std::size_t i = (j * n) / s;
            sample[j] = Rec{order_key(xp[i]), i};
        }
        std::sort(sample.begin(), sample.end(), rec_less);
        for (std::size_t b = 1; b < p; ++b) splitters.push_back(sample[(b * s) / p]);
    }
    // This rank's key range: [lower, upper) in record order (no bound for the first / last rank).
    const bool has_lower = me > 0, has_upper = me + 1 < p;
    const Rec lower = has_lower ? splitters[me - 1] : Rec{0, 0};
    const Rec upper = has_upper ? splitters[me] : Rec{0, 0};
    auto mine = [&](const Rec &r) {
        return (!has_lower | !rec_less(r, lower)) & (!has_upper | rec_less(r, upper));
    };

    std::unique_ptr<Rec[]> buf(new Rec[n > 0 ? n : 1]), tmp(new Rec[n > 0 ? n : 1]);
    std::vector<int64_t> idx;  // this rank's sorted indices (rank 0 writes perm directly)
    int64_t *res = perm.data();
    std::vector<Rec> sub;                   // thread splitters within this rank's range
    std::vector<std::size_t> offset;        // [thread * nt + bucket]
    std::vector<std::size_t> bucket_start;  // nt + 1 entries; bucket_start[nt] = records of this rank
#pragma omp parallel if (n >= PARALLEL_MIN)
    {
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
#pragma omp single
        {
            const std::size_t s = std::min(n, 256 * p * nt);
            std::vector<Rec> sample;
            for (std::size_t j = 0; j < s; ++j) {
                const std::size_t i = (j * n) / s;
                const Rec r{order_key(xp[i]), i};
                if (mine(r)) sample.push_back(r);
            }
            std::sort(sample.begin(), sample.end(), rec_less);
            for (std::size_t b = 1; b < nt && !sample.empty(); ++b) sub.push_back(sample[(b * sample.size()) / nt]);
            offset.assign(nt * nt, 0);
            bucket_start.assign(nt + 1, 0);
        }
        const std::size_t lo = (t * n) / nt, hi = ((t + 1) * n) / nt;
        std::size_t *my = offset.data() + t * nt;
        for (std::size_t i = lo; i < hi; ++i) {
            const Rec r{order_key(xp[i]), i};
            my[bucket_of(sub, r)] += static_cast<std::size_t>(mine(r));
        }
#pragma omp barrier
#pragma omp single
        {
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
            if (rank != 0) {
                idx.resize(sum);
                res = idx.data();
            }
        }
        // Without branches on the data: a record out of this rank's range goes to a scratch slot.
        Rec *dst = buf.get();
        Rec scratch;
        for (std::size_t i = lo; i < hi; ++i) {
            const Rec r{order_key(xp[i]), i};
            const std::size_t b = bucket_of(sub, r);
            const bool in = mine(r);
            Rec *slot = in ? dst + my[b] : &scratch;
            *slot = r;
            my[b] += static_cast<std::size_t>(in);
        }
#pragma omp barrier
        const std::size_t b0 = bucket_start[t], len = bucket_start[t + 1] - b0;
        const Rec *sorted = radix_sort(buf.get() + b0, tmp.get() + b0, len);
        for (std::size_t j = 0; j < len; ++j) res[b0 + j] = static_cast<int64_t>(sorted[j].idx);
    }
    if (size == 1) return;

    const long long my_len = static_cast<long long>(bucket_start.back());
    if (rank == 0) {
        std::vector<long long> lens(p);
        MPI_Gather(&my_len, 1, MPI_LONG_LONG, lens.data(), 1, MPI_LONG_LONG, 0, MPI_COMM_WORLD);
        std::vector<int> counts(p), displs(p);
        long long at = 0;
        for (std::size_t r = 0; r < p; ++r) {
            counts[r] = static_cast<int>(lens[r]);
            displs[r] = static_cast<int>(at);
            at += lens[r];
        }
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_INT64_T, perm.data(), counts.data(), displs.data(), MPI_INT64_T, 0,
                    MPI_COMM_WORLD);
    } else {
        MPI_Gather(&my_len, 1, MPI_LONG_LONG, nullptr, 1, MPI_LONG_LONG, 0, MPI_COMM_WORLD);
        MPI_Gatherv(idx.data(), static_cast<int>(my_len), MPI_INT64_T, nullptr, nullptr, nullptr, MPI_INT64_T, 0,
                    MPI_COMM_WORLD);
    }
}
