// OpenMP reference of first_match: the array is cut into chunks of 64 Ki values that the threads
// claim in increasing order from a shared counter; a thread scans its chunk (blocks of 64 values
// tested with SSE2-width vector compares, so the scan runs at memory bandwidth) up to the chunk's
// first match and lowers the shared best index. A thread stops claiming once the next chunk starts
// after the best index: every chunk before the first match has been claimed by then and is
// finished by its thread, so the minimum is the first match, and little is scanned past it.
#include <omp.h>

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

constexpr std::size_t CHUNK = std::size_t{1} << 16;

}  // namespace

int64_t first_match(const std::vector<int32_t> &x, int32_t target) {
    const std::size_t n = x.size();
    const int32_t *xp = x.data();
    if (n < 4 * CHUNK) {
        const std::size_t at = scan(xp, 0, n, target);
        return at < n ? static_cast<int64_t>(at) : -1;
    }
    std::size_t next = 0;  // next chunk to claim
    std::size_t best = n;  // smallest match found so far
#pragma omp parallel
    {
        for (;;) {
            std::size_t c, seen;
#pragma omp atomic capture
            c = next++;
            const std::size_t lo = c * CHUNK;
#pragma omp atomic read
            seen = best;
            if (lo >= n || lo > seen) break;
            const std::size_t hi = lo + CHUNK < n ? lo + CHUNK : n;
            const std::size_t at = scan(xp, lo, hi, target);
            if (at < hi) {
#pragma omp critical
                if (at < best) {
#pragma omp atomic write
                    best = at;
                }
                break;  // later chunks of this thread could only hold later matches
            }
        }
    }
    return best < n ? static_cast<int64_t>(best) : -1;
}
