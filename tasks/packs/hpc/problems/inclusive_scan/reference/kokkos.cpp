// Kokkos reference of inclusive_scan: cache-blocked reduce-then-scan by one team of all threads, rounds split by team barriers.
// A single team holds every thread of the host space. The array is processed in rounds of CHUNK
// elements per member: each member sums its piece, the team meets at a barrier, each member adds the
// sums of the pieces before its own to the total of the earlier rounds and scans its piece from there
// while it is still in cache, so x crosses the memory bus about once. The per-round sums are
// double-buffered so one barrier per round suffices. Integer sums are exact in any order.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr std::size_t CHUNK = 262144;  // elements per member and round (2 MB of x, about one L2 cache)

KOKKOS_INLINE_FUNCTION int64_t block_sum(const int64_t *__restrict x, std::size_t lo, std::size_t hi) {
    int64_t s0 = 0, s1 = 0;
    std::size_t i = lo;
    for (; i + 2 <= hi; i += 2) {
        s0 += x[i];
        s1 += x[i + 1];
    }
    if (i < hi) s0 += x[i];
    return s0 + s1;
}

// y[i] = s + x[lo] + ... + x[i] for lo <= i < hi, the add chain broken into groups of four.
KOKKOS_INLINE_FUNCTION void block_scan(const int64_t *__restrict x, int64_t *__restrict y, std::size_t lo,
                                       std::size_t hi, int64_t s) {
    std::size_t i = lo;
    for (; i + 4 <= hi; i += 4) {
        const int64_t a = x[i], b = a + x[i + 1], c = b + x[i + 2], d = c + x[i + 3];
        y[i] = s + a;
        y[i + 1] = s + b;
        y[i + 2] = s + c;
        y[i + 3] = s + d;
        s += d;
    }
    for (; i < hi; ++i) {
        s += x[i];
        y[i] = s;
    }
}

}  // namespace

void inclusive_scan(const std::vector<int64_t> &x, std::vector<int64_t> &y) {
    const std::size_t n = x.size();
    const int64_t *xp = x.data();
    int64_t *yp = y.data();
    if (n < 100000) {  // small input: parallel overhead would dominate
        block_scan(xp, yp, 0, n, 0);
        return;
    }
    using Policy = Kokkos::TeamPolicy<Kokkos::DefaultHostExecutionSpace>;
    using Member = Policy::member_type;
    const int want = Kokkos::DefaultHostExecutionSpace::concurrency();
    std::vector<int64_t> sums(2 * static_cast<std::size_t>(want > 0 ? want : 1), 0);
    int64_t *sp = sums.data();
    const auto body = KOKKOS_LAMBDA(const Member &team) {
        const std::size_t nt = static_cast<std::size_t>(team.team_size());
        const std::size_t t = static_cast<std::size_t>(team.team_rank());
        int64_t carry = 0;  // the sum of all earlier rounds (the same in every member)
        for (std::size_t base = 0, round = 0; base < n; base += CHUNK * nt, ++round) {
            const std::size_t len = std::min(CHUNK * nt, n - base);
            const std::size_t lo = base + len * t / nt, hi = base + len * (t + 1) / nt;
            int64_t *s = sp + (round & 1) * nt;  // rounds alternate between two sets of sums
            s[t] = block_sum(xp, lo, hi);
            team.team_barrier();
            int64_t offset = carry;
            for (std::size_t u = 0; u < t; ++u) offset += s[u];
            block_scan(xp, yp, lo, hi, offset);
            for (std::size_t u = 0; u < nt; ++u) carry += s[u];
        }
    };
    const int max_team = Policy(1, 1).team_size_max(body, Kokkos::ParallelForTag());
    const int team_size = std::max(1, std::min(want, max_team));
    Kokkos::parallel_for("inclusive_scan", Policy(1, team_size), body);
    Kokkos::fence();
}
