// Kokkos reference of heat1d: one team of all threads, one block of the interior per member with deep halos, so the members meet at a team barrier once per H steps instead of once per step.
// Each member advances its block plus H halo points on either side in private buffers (the halo
// region is advanced redundantly and shrinks by one point per side and step); at the end of a phase
// it publishes its block to a shared array, and after one team barrier reads the next phase's halos
// from its neighbours' published blocks. Two shared arrays alternate between phases, so a block is
// never overwritten while a neighbour may still read it, and the last phase publishes into u.
// Within a phase a member works in sub-phases of W steps over chunks of C points held in
// L1-resident buffers (temporal blocking). Short runs use the same code on the calling thread alone.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <utility>
#include <vector>

namespace {

constexpr std::ptrdiff_t H = 256;   // steps per phase between synchronizations (at most the smallest block)
constexpr std::ptrdiff_t W = 32;    // steps per sub-phase (cache blocking)
constexpr std::ptrdiff_t C = 2048;  // points per chunk

// Advances the points [lo, hi) (1 <= lo < hi <= n - 1) by s <= W steps: reads src at
// [lo - s, hi + s) clipped to [0, n), writes dst[lo, hi). Global point g is src[g - off] and
// dst[g - off]. a and b hold C + 2 W doubles.
void advance_chunk(const double *src, double *dst, std::ptrdiff_t off, std::ptrdiff_t n, double r, std::ptrdiff_t s,
                   std::ptrdiff_t lo, std::ptrdiff_t hi, double *a, double *b) {
    const std::ptrdiff_t base = lo - s;  // global index of buffer slot 0
    const std::ptrdiff_t g0 = std::max<std::ptrdiff_t>(base, 0), g1 = std::min(hi + s, n);
    std::memcpy(a + (g0 - base), src + (g0 - off), static_cast<std::size_t>(g1 - g0) * sizeof(double));
    // The fixed end points are read in every step, so both buffers need them.
    if (g0 == 0) b[-base] = src[-off];
    if (g1 == n) b[n - 1 - base] = src[n - 1 - off];
    double *cur = a, *nxt = b;
    for (std::ptrdiff_t j = 1; j <= s; ++j) {
        const std::ptrdiff_t k0 = std::max<std::ptrdiff_t>(1, base + j) - base;
        const std::ptrdiff_t k1 = std::min(n - 1, hi + s - j) - base;
        const double *__restrict c = cur;
        double *__restrict x = nxt;
        for (std::ptrdiff_t k = k0; k < k1; ++k) x[k] = c[k] + r * (c[k - 1] - 2.0 * c[k] + c[k + 1]);
        std::swap(cur, nxt);
    }
    std::memcpy(dst + (lo - off), cur + (lo - base), static_cast<std::size_t>(hi - lo) * sizeof(double));
}


// The work of member t of nt on the shared arrays (shared[0] is u); sync() is the team barrier.
template <class Sync>
void run_member(double *const *shared, std::ptrdiff_t len, double r, int steps, std::ptrdiff_t t, std::ptrdiff_t nt,
                const Sync &sync) {
    const std::ptrdiff_t interior = len - 2;
    const std::ptrdiff_t active = std::min(nt, interior);
    // Block [lo, hi) of this member (the first interior % nt members own one point more).
    const std::ptrdiff_t base = interior / nt, extra = interior % nt;
    const std::ptrdiff_t lo = 1 + t * base + std::min(t, extra), hi = lo + base + (t < extra ? 1 : 0);
    // A halo never reaches past the neighbouring block: H is capped by the smallest active block.
    const std::ptrdiff_t width = std::min(H, interior / active);
    const std::ptrdiff_t phases = (steps + width - 1) / width;
    // Private copies of [p0, p1): the block, its halos and any end point they reach.
    const std::ptrdiff_t p0 = std::max<std::ptrdiff_t>(0, lo - width), p1 = std::min(len, hi + width);
    std::vector<double> pa, pb, a(C + 2 * W), b(C + 2 * W);
    if (hi > lo) {
        pa.assign(shared[0] + p0, shared[0] + p1);
        pb = pa;
    }
    sync();  // every member has its copy of u before any publishes into it
    double *src = pa.data(), *dst = pb.data();
    for (std::ptrdiff_t p = 0; p < phases; ++p) {
        const std::ptrdiff_t phase = std::min<std::ptrdiff_t>(width, steps - p * width);
        if (hi > lo) {
            if (p > 0) {
                // Halos from the neighbours' blocks published at the end of the previous phase.
                const double *pub = shared[(phases - p) % 2];
                const std::ptrdiff_t h0 = std::max<std::ptrdiff_t>(1, lo - phase);
                const std::ptrdiff_t h1 = std::min(len - 1, hi + phase);
                std::memcpy(src + (h0 - p0), pub + h0, static_cast<std::size_t>(lo - h0) * sizeof(double));
                std::memcpy(src + (hi - p0), pub + hi, static_cast<std::size_t>(h1 - hi) * sizeof(double));
            }
            for (std::ptrdiff_t sub = 0; sub < phase;) {
                const std::ptrdiff_t s = std::min(W, phase - sub);
                // Points still needed by the rest of the phase: the block plus `rest` on either side.
                const std::ptrdiff_t rest = phase - sub - s;
                const std::ptrdiff_t r0 = std::max<std::ptrdiff_t>(1, lo - rest), r1 = std::min(len - 1, hi + rest);
                for (std::ptrdiff_t c = r0; c < r1; c += C)
                    advance_chunk(src, dst, p0, len, r, s, c, std::min(c + C, r1), a.data(), b.data());
                std::swap(src, dst);
                sub += s;
            }
            // Publish the block; the last phase (p = phases - 1) publishes into u.
            std::memcpy(shared[(phases - 1 - p) % 2] + lo, src + (lo - p0),
                        static_cast<std::size_t>(hi - lo) * sizeof(double));
        }
        sync();
    }
}

}  // namespace

void heat1d(std::vector<double> &u, size_t n, double r, int steps) {
    if (n < 3 || steps <= 0) return;
    const std::ptrdiff_t len = static_cast<std::ptrdiff_t>(n);
    std::vector<double> other(u);  // the second shared array (same end points as u)
    double *const shared[2] = {u.data(), other.data()};
    if (static_cast<double>(n) * steps <= 2.0e5) {  // short run: parallel overhead would dominate
        run_member(shared, len, r, steps, 0, 1, [] {});
        return;
    }
    double *const s0 = shared[0], *const s1 = shared[1];
    using Policy = Kokkos::TeamPolicy<Kokkos::DefaultHostExecutionSpace>;
    using Member = Policy::member_type;
    const auto body = KOKKOS_LAMBDA(const Member &team) {
        double *const sh[2] = {s0, s1};
        run_member(sh, len, r, steps, team.team_rank(), team.team_size(), [&team] { team.team_barrier(); });
    };
    const int want = Kokkos::DefaultHostExecutionSpace::concurrency();
    const int max_team = Policy(1, 1).team_size_max(body, Kokkos::ParallelForTag());
    const int team_size = std::max(1, std::min(want, max_team));
    Kokkos::parallel_for("heat1d", Policy(1, team_size), body);
    Kokkos::fence();
}
