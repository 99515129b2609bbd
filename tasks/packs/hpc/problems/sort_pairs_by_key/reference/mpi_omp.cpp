// MPI+OpenMP reference of sort_pairs_by_key: a sample sort over the ranks with a parallel radix
// sort inside each. Ordered by (key, index), the pairs are all distinct, so splitters taken from a
// regular sample (the same on every rank, no communication) cut them into one range per rank of
// about n / P pairs however often keys repeat. Within a rank the threads collect the rank's pairs
// in index order (count per chunk, prefix, fill) and sort them with a parallel stable LSD radix
// sort (sign bit flipped, three passes of 11-bit digits, per-thread histograms with digit-major,
// thread-minor offsets, constant digits skipped). Rank 0 gathers keys and values with MPI_Gatherv.
#include <mpi.h>
#include <omp.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace {

struct Rec {
    std::uint32_t key;  // key ^ 0x80000000
    double value;
};

struct KeyIdx {
    std::int32_t key;
    std::size_t idx;
};

// (key, index) order, written without branches (used on unpredictable data).
inline bool key_idx_less(const KeyIdx &a, const KeyIdx &b) {
    return (a.key < b.key) | ((a.key == b.key) & (a.idx < b.idx));
}

constexpr int BITS = 11, PASSES = 3;
constexpr std::size_t RADIX = std::size_t{1} << BITS, MASK = RADIX - 1;
constexpr std::size_t PARALLEL_MIN = 1 << 15;

// Parallel stable LSD radix sort of a[0, n) by key, b has room for n records. Returns the buffer
// that holds the sorted records (a or b).
Rec *parallel_radix_sort(Rec *a, Rec *b, std::size_t n) {
    std::vector<std::size_t> count;  // [pass][thread][digit]
    bool skip[PASSES] = {false, false, false};
    Rec *result = a;
#pragma omp parallel if (n >= PARALLEL_MIN)
    {
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t lo = (t * n) / nt, hi = ((t + 1) * n) / nt;
#pragma omp single
        count.assign(PASSES * nt * RADIX, 0);
        auto hist = [&](int p, std::size_t q) { return count.data() + (static_cast<std::size_t>(p) * nt + q) * RADIX; };
        Rec *src = a, *dst = b;
        for (std::size_t i = lo; i < hi; ++i) {
            const std::uint32_t k = src[i].key;
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
                for (std::size_t i = lo; i < hi; ++i) ++c[(src[i].key >> shift) & MASK];
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
            for (std::size_t i = lo; i < hi; ++i) dst[c[(src[i].key >> shift) & MASK]++] = src[i];
            std::swap(src, dst);
#pragma omp barrier
        }
        if (t == 0) result = src;
    }
    return result;
}

}  // namespace

void sort_pairs_by_key(std::vector<int32_t> &keys, std::vector<double> &values) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = keys.size();
    const std::size_t p = static_cast<std::size_t>(size), me = static_cast<std::size_t>(rank);
    const int32_t *kp = keys.data();
    const double *vp = values.data();

    // Splitters: quantiles of a regular sample of (key, index), identical on every rank.
    const std::size_t s = std::min(n, 256 * p);
    std::vector<KeyIdx> sample(s), splitters;
    for (std::size_t j = 0; j < s; ++j) {
        const std::size_t i = (j * n) / s;
        sample[j] = KeyIdx{kp[i], i};
    }
    std::sort(sample.begin(), sample.end(), key_idx_less);
    for (std::size_t b = 1; b < p; ++b) splitters.push_back(sample[(b * s) / p]);
    const bool has_lower = me > 0, has_upper = me + 1 < p;
    const KeyIdx lower = has_lower ? splitters[me - 1] : KeyIdx{0, 0};
    const KeyIdx upper = has_upper ? splitters[me] : KeyIdx{0, 0};
    auto mine = [&](std::size_t i) {
        const KeyIdx r{kp[i], i};
        return (!has_lower | !key_idx_less(r, lower)) & (!has_upper | key_idx_less(r, upper));
    };

    // Collect this rank's pairs in index order: count per thread chunk, prefix, fill.
    std::unique_ptr<Rec[]> buf0(new Rec[n > 0 ? n : 1]), buf1(new Rec[n > 0 ? n : 1]);
    std::vector<std::size_t> start;
    std::size_t m = 0;
#pragma omp parallel if (n >= PARALLEL_MIN)
    {
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t lo = (t * n) / nt, hi = ((t + 1) * n) / nt;
#pragma omp single
        start.assign(nt + 1, 0);
        std::size_t c = 0;
        for (std::size_t i = lo; i < hi; ++i) c += static_cast<std::size_t>(mine(i));
        start[t + 1] = c;
#pragma omp barrier
#pragma omp single
        {
            for (std::size_t q = 0; q < nt; ++q) start[q + 1] += start[q];
            m = start[nt];
        }
        // Without branches: every pair is written, the end only advances past the ones in range; the
        // loop stops at the chunk's count, so no write lands in the next thread's part.
        Rec *out = buf0.get() + start[t];
        const std::size_t cnt = start[t + 1] - start[t];
        std::size_t j = 0;
        for (std::size_t i = lo; i < hi && j < cnt; ++i) {
            out[j] = Rec{static_cast<std::uint32_t>(kp[i]) ^ 0x80000000u, vp[i]};
            j += static_cast<std::size_t>(mine(i));
        }
    }
    const Rec *sorted = parallel_radix_sort(buf0.get(), buf1.get(), m);

    std::vector<int32_t> k;
    std::vector<double> v;
    int32_t *ko = keys.data();
    double *vo = values.data();
    if (rank != 0) {
        k.resize(m);
        v.resize(m);
        ko = k.data();
        vo = v.data();
    }
    const std::ptrdiff_t len = static_cast<std::ptrdiff_t>(m);
#pragma omp parallel for schedule(static) if (m >= PARALLEL_MIN)
    for (std::ptrdiff_t j = 0; j < len; ++j) {
        ko[j] = static_cast<int32_t>(sorted[j].key ^ 0x80000000u);
        vo[j] = sorted[j].value;
    }
    if (size == 1) return;

    const long long my_len = static_cast<long long>(m);
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
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_INT32_T, keys.data(), counts.data(), displs.data(), MPI_INT32_T, 0,
                    MPI_COMM_WORLD);
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, values.data(), counts.data(), displs.data(), MPI_DOUBLE, 0,
                    MPI_COMM_WORLD);
    } else {
        MPI_Gather(&my_len, 1, MPI_LONG_LONG, nullptr, 1, MPI_LONG_LONG, 0, MPI_COMM_WORLD);
        MPI_Gatherv(k.data(), static_cast<int>(m), MPI_INT32_T, nullptr, nullptr, nullptr, MPI_INT32_T, 0,
                    MPI_COMM_WORLD);
        MPI_Gatherv(v.data(), static_cast<int>(m), MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0,
                    MPI_COMM_WORLD);
    }
}
