// MPI reference of sort_pairs_by_key: a sample sort over the ranks. Ordered by (key, index), the
// pairs are all distinct, so splitters taken from a regular sample cut them into one range per
// rank of about n / P pairs however often keys repeat. Every rank draws the same sample from its
// copy of the input, so the ranks agree on the splitters without communicating; rank r collects
// the pairs of range r in index order and sorts them by key with a stable LSD radix sort (sign bit
// flipped, three passes of 11-bit digits, constant digits skipped). The sorted ranges follow each
// other in rank order, so rank 0 gathers keys and values with MPI_Gatherv straight into place.
#include <mpi.h>

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

// Stable LSD radix sort of a[0, n) by key; tmp has room for n records. Returns the buffer that
// holds the sorted records (a or tmp).
Rec *radix_sort(Rec *a, Rec *tmp, std::size_t n) {
    constexpr int BITS = 11, PASSES = 3;
    constexpr std::size_t RADIX = std::size_t{1} << BITS, MASK = RADIX - 1;
    std::vector<std::size_t> count(PASSES * RADIX, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t k = a[i].key;
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

    // Collect this rank's pairs in index order, without branches: every pair is written, the end
    // only advances past the ones in range.
    std::unique_ptr<Rec[]> buf(new Rec[n > 0 ? n : 1]), tmp(new Rec[n > 0 ? n : 1]);
    std::size_t m = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const KeyIdx r{kp[i], i};
        buf[m] = Rec{static_cast<std::uint32_t>(kp[i]) ^ 0x80000000u, vp[i]};
        m += static_cast<std::size_t>((!has_lower | !key_idx_less(r, lower)) & (!has_upper | key_idx_less(r, upper)));
    }
    const Rec *sorted = radix_sort(buf.get(), tmp.get(), m);

    if (rank == 0) {
        for (std::size_t j = 0; j < m; ++j) {
            keys[j] = static_cast<int32_t>(sorted[j].key ^ 0x80000000u);
            values[j] = sorted[j].value;
        }
        if (size == 1) return;
        std::vector<long long> lens(p);
        const long long my_len = static_cast<long long>(m);
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
        std::vector<int32_t> k(m);
        std::vector<double> v(m);
        for (std::size_t j = 0; j < m; ++j) {
            k[j] = static_cast<int32_t>(sorted[j].key ^ 0x80000000u);
            v[j] = sorted[j].value;
        }
        const long long my_len = static_cast<long long>(m);
        MPI_Gather(&my_len, 1, MPI_LONG_LONG, nullptr, 1, MPI_LONG_LONG, 0, MPI_COMM_WORLD);
        MPI_Gatherv(k.data(), static_cast<int>(m), MPI_INT32_T, nullptr, nullptr, nullptr, MPI_INT32_T, 0,
                    MPI_COMM_WORLD);
        MPI_Gatherv(v.data(), static_cast<int>(m), MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0,
                    MPI_COMM_WORLD);
    }
}
