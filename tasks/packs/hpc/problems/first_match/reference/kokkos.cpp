// Kokkos reference of first_match: one worker per thread claims 64 Ki chunks in order from an atomic counter and lowers an atomic best index; claiming stops past the best match.
// A worker scans its chunk (blocks of 64 values tested with SSE2-width vector compares, so the scan
// runs at memory bandwidth) up to the chunk's first match and lowers the shared best index with
// Kokkos::atomic_fetch_min. It stops claiming once the next chunk starts after the best index: every
// chunk before the first match has been claimed by then and is finished by its worker, so the
// minimum is the first match, and little is scanned past it.
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace {

typedef int v4si __attribute__((vector_size(16)));

constexpr std::size_t BLOCK = 64;
constexpr std::size_t CHUNK = std::size_t{1} << 16;

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

}  // namespace

int64_t first_match(const std::vector<int32_t> &x, int32_t target) {
    const std::size_t n = x.size();
    const int32_t *xp = x.data();
    if (n < 4 * CHUNK) {  // small input: parallel overhead would dominate
        const std::size_t at = scan(xp, 0, n, target);
        return at < n ? static_cast<int64_t>(at) : -1;
    }
    std::size_t next = 0;  // next chunk to claim
    std::size_t best = n;  // smallest match found so far
    std::size_t *nextp = &next, *bestp = &best;
    const int workers = Kokkos::DefaultHostExecutionSpace::concurrency();
    Kokkos::parallel_for(
        "first_match", Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>(0, workers > 0 ? workers : 1),
        KOKKOS_LAMBDA(const int) {
            for (;;) {
                const std::size_t c = Kokkos::atomic_fetch_add(nextp, std::size_t{1});
                const std::size_t lo = c * CHUNK;
                if (lo >= n || lo > Kokkos::volatile_load(bestp)) break;
                const std::size_t hi = lo + CHUNK < n ? lo + CHUNK : n;
                const std::size_t at = scan(xp, lo, hi, target);
                if (at < hi) {
                    Kokkos::atomic_fetch_min(bestp, at);
                    break;  // later chunks of this worker could only hold later matches
                }
            }
        });
    Kokkos::fence();
    return best < n ? static_cast<int64_t>(best) : -1;
}
