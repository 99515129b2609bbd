// MPI reference of first_match: the array is scanned in rounds. In every round each rank scans one
// block (rank r the r-th block of the round) up to its first match, testing 64 values at a time
// with SSE2-width vector compares so the scan runs at memory bandwidth, and an MPI_Allreduce(MIN)
// of the ranks' first matches ends the search in the first round that has one: all earlier rounds
// were empty, so the minimum is the first match. Blocks start at 128 Ki values per rank and double
// every round up to 4 Mi, so an early match costs little scanning past it and a late one few
// rounds (few synchronizations). Every rank returns the answer.
#include <mpi.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace {

typedef int v4si __attribute__((vector_size(16)));

constexpr std::size_t BLOCK = 64;

// Whether p[0, BLOCK) holds t.
inline bool block_has(const int32_t *p, int32_t t) {
    const v4si tv = {t, t, t, t};
    v4si acc = {0, 0, 0, 0};
    for (std::size_t j = 0; j < BLOCK; j += 4) {
        v4si v;
        std::memcpy(&v, p + j, sizeof v);
        acc |= v == tv;
    }
    return ((acc[0] | acc[1]) | (acc[2] | acc[3])) != 0;
}

// First index in [lo, hi) with x[i] == t, or hi.
std::size_t scan(const int32_t *x, std::size_t lo, std::size_t hi, int32_t t) {
    std::size_t i = lo;
    for (; i + BLOCK <= hi; i += BLOCK)
        if (block_has(x + i, t))
            for (std::size_t j = i;; ++j)
                if (x[j] == t) return j;
    for (; i < hi; ++i)
        if (x[i] == t) return i;
    return hi;
}

// Values per rank in the first round; the block doubles every round up to MAX_BLOCK, so a match
// near the front costs few values past it and a late one few rounds (few synchronizations).
constexpr std::size_t FIRST_BLOCK = std::size_t{1} << 17, MAX_BLOCK = std::size_t{1} << 22;

}  // namespace

int64_t first_match(const std::vector<int32_t> &x, int32_t target) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = x.size(), p = static_cast<std::size_t>(size), r = static_cast<std::size_t>(rank);
    const int32_t *xp = x.data();
    const unsigned long long none = static_cast<unsigned long long>(n);
    std::size_t block = FIRST_BLOCK;
    for (std::size_t round_start = 0; round_start < n;
         round_start += p * block, block = block < MAX_BLOCK ? 2 * block : block) {
        const std::size_t lo = round_start + r * block < n ? round_start + r * block : n;
        const std::size_t hi = lo + block < n ? lo + block : n;
        const std::size_t at = scan(xp, lo, hi, target);
        const unsigned long long mine = at < hi ? static_cast<unsigned long long>(at) : none;
        unsigned long long found = 0;
        MPI_Allreduce(&mine, &found, 1, MPI_UNSIGNED_LONG_LONG, MPI_MIN, MPI_COMM_WORLD);
        if (found < none) return static_cast<int64_t>(found);
    }
    return -1;
}
