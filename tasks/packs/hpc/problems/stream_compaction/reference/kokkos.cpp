// Kokkos reference of stream_compaction: cache-blocked count-then-write by one TeamPolicy team of all threads, in rounds of one 2 MB piece per thread with one team barrier per round (double-buffered counts).
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace {

constexpr std::size_t PIECE = 262144;  // elements per chunk and round (2 MB of x, about one L2 cache)

// Kept elements of x[lo, hi); *last = one past the last kept index (lo when none).
std::size_t count_piece(const double *__restrict x, std::size_t lo, std::size_t hi, double thr, std::size_t *last) {
    std::size_t c = 0;
    for (std::size_t i = lo; i < hi; ++i) c += static_cast<std::size_t>(x[i] > thr);
    std::size_t e = lo;
    if (c != 0) {
        e = hi;
        while (!(x[e - 1] > thr)) --e;
    }
    *last = e;
    return c;
}

// Branch-free write of the kept elements of x[lo, end) to dst[0, ...): every element is stored at the
// current position, which advances only for a kept one; stopping at the last kept element keeps every
// store inside this piece's part of the output.
void write_piece(const double *__restrict x, double *__restrict dst, std::size_t lo, std::size_t end, double thr) {
    std::size_t c = 0;
    for (std::size_t i = lo; i < end; ++i) {
        const double v = x[i];
        dst[c] = v;
        c += static_cast<std::size_t>(v > thr);
    }
}

}  // namespace

size_t stream_compaction(const std::vector<double> &x, double threshold, std::vector<double> &out) {
    const std::size_t n = x.size();
    const double *xp = x.data();
    double *op = out.data();
    if (n < 100000) {
        std::size_t end = 0;
        const std::size_t c = count_piece(xp, 0, n, threshold, &end);
        write_piece(xp, op, 0, end, threshold);
        return c;
    }
    // One team of all threads for the whole pass (one launch). Per round every member counts its piece and
    // notes its last kept element; after a team barrier each adds the counts of the pieces before its own
    // to the total of the earlier rounds (its output offset) and writes its kept elements there while
    // the piece is still in cache. The counts are double-buffered, so one barrier per round suffices.
    using Team = Kokkos::TeamPolicy<Kokkos::DefaultHostExecutionSpace>;
    const int T = Kokkos::DefaultHostExecutionSpace::concurrency();
    std::vector<std::size_t> counts(2 * static_cast<std::size_t>(T), 0);
    std::size_t *cnt = counts.data();
    std::size_t total = 0;
    Kokkos::parallel_reduce(
        "compaction_team", Team(1, T),
        KOKKOS_LAMBDA(const Team::member_type &team, std::size_t &kept) {
            const std::size_t nt = static_cast<std::size_t>(team.team_size());
            const std::size_t r = static_cast<std::size_t>(team.team_rank());
            std::size_t carry = 0;  // kept in all earlier rounds (the same in every member)
            for (std::size_t base = 0, round = 0; base < n; base += PIECE * nt, ++round) {
                const std::size_t len = std::min(PIECE * nt, n - base);
                const std::size_t lo = base + len * r / nt, hi = base + len * (r + 1) / nt;
                std::size_t *c = cnt + (round & 1) * nt;
                std::size_t end = lo;
                c[r] = count_piece(xp, lo, hi, threshold, &end);
                team.team_barrier();
                std::size_t offset = carry;
                for (std::size_t u = 0; u < r; ++u) offset += c[u];
                write_piece(xp, op + offset, lo, end, threshold);
                for (std::size_t u = 0; u < nt; ++u) carry += c[u];
            }
            if (r == 0) kept += carry;
        },
        Kokkos::Sum<std::size_t>(total));
    return total;
}
