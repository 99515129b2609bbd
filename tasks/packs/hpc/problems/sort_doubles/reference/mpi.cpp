// MPI reference of sort_doubles: the 65536 buckets of an MSD radix pass over the keys' top 16 bits are
// shared out as contiguous ranges holding about n / ranks keys each; no merge. Each double maps to an
// unsigned key whose order is the numeric order. Every rank counts the top 16 bits over its full copy
// of x (so all ranks agree on the buckets and the ranges), scatters only the keys of its own buckets
// into a scratch buffer, and sorts each of its buckets by the low 48 bits (insertion sort when tiny,
// else up to six in-cache LSD passes) ping-ponging with its copy of x at the bucket's final position,
// which receives the doubles. Rank 0 gathers the ranks' sorted ranges with MPI_Gatherv straight into
// place.
#include <mpi.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace {

constexpr uint64_t SIGN = 0x8000000000000000ULL;
constexpr std::size_t NB = 65536;  // buckets of the MSD pass: the top 16 bits of the key

// An unsigned key whose order is the numeric order of the double (-0.0 just below +0.0).
inline uint64_t to_key(double d) {
    uint64_t u;
    std::memcpy(&u, &d, sizeof u);
    return (u & SIGN) ? ~u : (u | SIGN);
}
inline double from_key(uint64_t k) {
    const uint64_t u = (k & SIGN) ? (k & ~SIGN) : ~k;
    double d;
    std::memcpy(&d, &u, sizeof d);
    return d;
}
// The buffers are handled as bytes with memcpy (x's storage holds keys for a while: no type punning).
inline uint64_t load(const unsigned char *p, std::size_t i) {
    uint64_t k;
    std::memcpy(&k, p + 8 * i, 8);
    return k;
}
inline void store(unsigned char *p, std::size_t i, uint64_t k) { std::memcpy(p + 8 * i, &k, 8); }
inline void store_double(unsigned char *p, std::size_t i, double d) { std::memcpy(p + 8 * i, &d, 8); }

// Sorts the m keys at `keys`, which share their top 16 bits, and writes the corresponding doubles,
// ascending, to `out`: insertion sort for a handful of keys, else up to six LSD counting-sort passes
// over the low 48 bits (8-bit digits, all histograms from one pass, a pass whose digit is the same for
// every key skipped) ping-ponging between `keys` and `out`. A bucket is small enough to stay in cache.
void sort_bucket(unsigned char *keys, unsigned char *out, std::size_t m) {
    if (m < 64) {
        for (std::size_t i = 1; i < m; ++i) {
            const uint64_t k = load(keys, i);
            std::size_t j = i;
            for (; j > 0 && load(keys, j - 1) > k; --j) store(keys, j, load(keys, j - 1));
            store(keys, j, k);
        }
        for (std::size_t i = 0; i < m; ++i) store_double(out, i, from_key(load(keys, i)));
        return;
    }
    std::size_t hist[6][256];
    std::memset(hist, 0, sizeof hist);
    for (std::size_t i = 0; i < m; ++i) {
        const uint64_t k = load(keys, i);
        for (int p = 0; p < 6; ++p) ++hist[p][(k >> (8 * p)) & 0xFF];
    }
    const uint64_t first = load(keys, 0);
    unsigned char *src = keys, *dst = out;
    for (int p = 0; p < 6; ++p) {
        std::size_t *h = hist[p];
        const int shift = 8 * p;
        if (h[(first >> shift) & 0xFF] == m) continue;  // every key has this digit: the pass is the identity
        std::size_t sum = 0;
        for (int d = 0; d < 256; ++d) {
            const std::size_t c = h[d];
            h[d] = sum;
            sum += c;
        }
        for (std::size_t i = 0; i < m; ++i) {
            const uint64_t k = load(src, i);
            store(dst, h[(k >> shift) & 0xFF]++, k);
        }
        std::swap(src, dst);
    }
    for (std::size_t i = 0; i < m; ++i) store_double(out, i, from_key(load(src, i)));
}

// The first bucket of each of `parts` contiguous ranges holding about n / parts keys each, from the
// bucket starts (start has NB + 1 entries): part p gets the buckets [first[p], first[p + 1]).
std::vector<std::size_t> split_buckets(const std::size_t *start, std::size_t n, std::size_t parts) {
    std::vector<std::size_t> first(parts + 1, NB);
    first[0] = 0;
    for (std::size_t p = 1; p < parts; ++p)
        first[p] = static_cast<std::size_t>(std::lower_bound(start, start + NB, (p * n) / parts) - start);
    return first;
}

}  // namespace

void sort_doubles(std::vector<double> &x) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = x.size();
    if (n < 2048) {  // too small to share: rank 0 alone
        if (rank == 0) std::sort(x.begin(), x.end());
        return;
    }
    const double *xp = x.data();
    std::vector<std::size_t> start(NB + 1, 0);
    for (std::size_t i = 0; i < n; ++i) ++start[(to_key(xp[i]) >> 48) + 1];
    for (std::size_t b = 0; b < NB; ++b) start[b + 1] += start[b];
    const std::size_t P = static_cast<std::size_t>(size), me = static_cast<std::size_t>(rank);
    const std::vector<std::size_t> first = split_buckets(start.data(), n, P);
    const std::size_t b0 = first[me], b1 = first[me + 1], base = start[b0], m = start[b1] - base;

    std::unique_ptr<uint64_t[]> scratch(new uint64_t[m > 0 ? m : 1]);
    unsigned char *keys = reinterpret_cast<unsigned char *>(scratch.get());
    unsigned char *xb = reinterpret_cast<unsigned char *>(x.data());
    std::vector<std::size_t> pos(NB, 0);
    for (std::size_t b = b0; b < b1; ++b) pos[b] = start[b] - base;
    for (std::size_t i = 0; i < n; ++i) {
        const uint64_t k = to_key(xp[i]);
        const std::size_t b = static_cast<std::size_t>(k >> 48);
        if (b >= b0 && b < b1) store(keys, pos[b]++, k);
    }
    for (std::size_t b = b0; b < b1; ++b)
        if (start[b + 1] > start[b])
            sort_bucket(keys + 8 * (start[b] - base), xb + 8 * start[b], start[b + 1] - start[b]);

    if (size == 1) return;
    std::vector<int> counts(size), displs(size);
    for (std::size_t r = 0; r < P; ++r) {
        displs[r] = static_cast<int>(start[first[r]]);
        counts[r] = static_cast<int>(start[first[r + 1]] - start[first[r]]);
    }
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, x.data(), counts.data(), displs.data(), MPI_DOUBLE, 0,
                    MPI_COMM_WORLD);
    else
        MPI_Gatherv(x.data() + base, counts[me], MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0,
                    MPI_COMM_WORLD);
}
