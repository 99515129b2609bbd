// Kokkos reference of exclusive_scan: cache-blocked reduce-then-scan by one team of all threads, rounds split by team barriers.
// A single team holds every thread of the host space. The array is processed in rounds of CHUNK
// elements per member: each member sums its piece (four accumulators), the team meets at a barrier,
// each member adds the sums of the pieces before its own to the total of the earlier rounds and scans
// its piece from there while it is still in cache, so x crosses the memory bus about once. The
// per-round sums are double-buffered so one barrier per round suffices.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace {

constexpr std::size_t CHUNK = 262144;  // elements per member and round (2 MB of x, about one L2 cache)

KOKKOS_INLINE_FUNCTION double block_sum(const double *__restrict x, std::size_t lo, std::size_t hi) {
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    std::size_t i = lo;
    for (; i + 4 <= hi; i += 4) {
        s0 += x[i];
        s1 += x[i + 1];
        s2 += x[i + 2];
        s3 += x[i + 3];
    }
    for (; i < hi; ++i) s0 += x[i];
    return (s0 + s1) + (s2 + s3);
}

// y[i] = s + x[lo] + ... + x[i - 1] for lo <= i < hi, the add chain broken into groups of four.
KOKKOS_INLINE_FUNCTION void block_scan(const double *__restrict x, double *__restrict y, std::size_t lo,
                                       std::size_t hi, double s) {
    std::size_t i = lo;
    for (; i + 4 <= hi; i += 4) {
        const double a = x[i], b = a + x[i + 1], c = b + x[i + 2], d = c + x[i + 3];
        y[i] = s;
        y[i + 1] = s + a;
        y[i + 2] = s + b;
        y[i + 3] = s + c;
        s += d;
    }
    for (; i < hi; ++i) {
        y[i] = s;
        s += x[i];
    }
}

}  // namespace

void exclusive_scan(const std::vector<double> &x, std::vector<double> &y) {
    const std::size_t n = x.size();
    const double *xp = x.data();
    double *yp = y.data();
    if (n < 100000) {  // small input: parallel overhead would dominate
        block_scan(xp, yp, 0, n, 0.0);
        return;
    }
    using Policy = Kokkos::TeamPolicy<Kokkos::DefaultHostExecutionSpace>;
    using Member = Policy::member_type;
    const int want = Kokkos::DefaultHostExecutionSpace::concurrency();
    std::vector<double> sums(2 * static_cast<std::size_t>(want > 0 ? want : 1), 0.0);
    double *sp = sums.data();
    const auto body = KOKKOS_LAMBDA(const Member &team) {
        const std::size_t nt = static_cast<std::size_t>(team.team_size());
        const std::size_t t = static_cast<std::size_t>(team.team_rank());
        double carry = 0.0;  // the sum of all earlier rounds (the same in every member)
        for (std::size_t base = 0, round = 0; base < n; base += CHUNK * nt, ++round) {
            const std::size_t len = std::min(CHUNK * nt, n - base);
            const std::size_t lo = base + len * t / nt, hi = base + len * (t + 1) / nt;
            double *s = sp + (round & 1) * nt;  // rounds alternate between two sets of sums
            s[t] = block_sum(xp, lo, hi);
            team.team_barrier();
            double offset = carry;
            for (std::size_t u = 0; u < t; ++u) offset += s[u];
            block_scan(xp, yp, lo, hi, offset);
            for (std::size_t u = 0; u < nt; ++u) carry += s[u];
        }
    };
    const int max_team = Policy(1, 1).team_size_max(body, Kokkos::ParallelForTag());
    const int team_size = std::max(1, std::min(want, max_team));
    Kokkos::parallel_for("exclusive_scan", Policy(1, team_size), body);
    Kokkos::fence();
}
