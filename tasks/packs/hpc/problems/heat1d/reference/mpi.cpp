// MPI reference of heat1d: 1-D block decomposition of the n - 2 interior points with deep halos.
// Every rank owns one contiguous block (the first (n-2) % P ranks one point more; ranks beyond
// n - 2 own none) and advances it H steps per phase from H halo points on either side, so
// neighbours exchange H points (MPI_Sendrecv) once per H steps instead of one point per step; the
// halo region is advanced redundantly and shrinks by one point per side and step. Within a phase
// the rank works in sub-phases of W steps over chunks of C points held in L1-resident buffers
// (temporal blocking, as in the serial reference). Rank 0 gathers the blocks with MPI_Gatherv.
#include <mpi.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <utility>
#include <vector>

namespace {

constexpr std::ptrdiff_t H = 256;   // steps per phase between halo exchanges (at most the smallest block)
constexpr std::ptrdiff_t W = 32;    // steps per sub-phase (cache blocking)
constexpr std::ptrdiff_t C = 2048;  // points per chunk

// Advances the points [lo, hi) (1 <= lo < hi <= n - 1) by s <= W steps: reads src at
// [lo - s, hi + s) clipped to [0, n), writes dst[lo, hi). a and b hold C + 2 W doubles.
void advance_chunk(const double *src, double *dst, std::ptrdiff_t n, double r, std::ptrdiff_t s, std::ptrdiff_t lo,
                   std::ptrdiff_t hi, double *a, double *b) {
    const std::ptrdiff_t base = lo - s;  // global index of buffer slot 0
    const std::ptrdiff_t g0 = std::max<std::ptrdiff_t>(base, 0), g1 = std::min(hi + s, n);
    std::memcpy(a + (g0 - base), src + g0, static_cast<std::size_t>(g1 - g0) * sizeof(double));
    // The fixed end points are read in every step, so both buffers need them.
    if (g0 == 0) b[-base] = src[0];
    if (g1 == n) b[n - 1 - base] = src[n - 1];
    double *cur = a, *nxt = b;
    for (std::ptrdiff_t j = 1; j <= s; ++j) {
        const std::ptrdiff_t k0 = std::max<std::ptrdiff_t>(1, base + j) - base;
        const std::ptrdiff_t k1 = std::min(n - 1, hi + s - j) - base;
        const double *__restrict c = cur;
        double *__restrict x = nxt;
        for (std::ptrdiff_t k = k0; k < k1; ++k) x[k] = c[k] + r * (c[k - 1] - 2.0 * c[k] + c[k + 1]);
        std::swap(cur, nxt);
    }
    std::memcpy(dst + lo, cur + (lo - base), static_cast<std::size_t>(hi - lo) * sizeof(double));
}

// Interior points [first, first + count) (global indices) owned by `rank`.
void owned_block(std::size_t interior, int rank, int size, std::size_t &first, std::size_t &count) {
    const std::size_t p = static_cast<std::size_t>(size), q = static_cast<std::size_t>(rank);
    const std::size_t base = interior / p, extra = interior % p;
    count = base + (q < extra ? 1 : 0);
    first = 1 + q * base + std::min(q, extra);
}

}  // namespace

void heat1d(std::vector<double> &u, size_t n, double r, int steps) {
    if (n < 3 || steps <= 0) return;
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t interior = n - 2;
    const int active = static_cast<int>(std::min<std::size_t>(interior, static_cast<std::size_t>(size)));
    // A halo never reaches past the neighbouring block: H is capped by the smallest active block.
    const std::ptrdiff_t width = std::min<std::ptrdiff_t>(H, static_cast<std::ptrdiff_t>(interior / active));

    std::size_t first = 0, count = 0;
    owned_block(interior, rank, size, first, count);
    const std::ptrdiff_t len = static_cast<std::ptrdiff_t>(n);
    const std::ptrdiff_t lo = static_cast<std::ptrdiff_t>(first), hi = lo + static_cast<std::ptrdiff_t>(count);

    std::vector<double> av, bv;
    const double *result = u.data() + first;  // this rank's final block
    if (count > 0) {
        // Full-length arrays in global coordinates; only [lo - H, hi + H) is ever touched.
        av.assign(u.begin(), u.end());
        bv = av;
        std::vector<double> a(C + 2 * W), b(C + 2 * W);
        double *src = av.data(), *dst = bv.data();
        const int left = rank > 0 ? rank - 1 : MPI_PROC_NULL;
        const int right = rank + 1 < active ? rank + 1 : MPI_PROC_NULL;
        for (int done = 0; done < steps;) {
            const std::ptrdiff_t phase = std::min<std::ptrdiff_t>(width, steps - done);
            if (done > 0) {
                // Halos for this phase: `phase` points from each neighbour's edge of its block.
                const int h = static_cast<int>(phase);
                MPI_Sendrecv(src + lo, h, MPI_DOUBLE, left, 0, src + hi, h, MPI_DOUBLE, right, 0, MPI_COMM_WORLD,
                             MPI_STATUS_IGNORE);
                MPI_Sendrecv(src + hi - h, h, MPI_DOUBLE, right, 1, src + lo - h, h, MPI_DOUBLE, left, 1,
                             MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            }
            for (std::ptrdiff_t sub = 0; sub < phase;) {
                const std::ptrdiff_t s = std::min(W, phase - sub);
                // Points still needed by the rest of the phase: the block plus `rest` on either side.
                const std::ptrdiff_t rest = phase - sub - s;
                const std::ptrdiff_t r0 = std::max<std::ptrdiff_t>(1, lo - rest), r1 = std::min(len - 1, hi + rest);
                for (std::ptrdiff_t c = r0; c < r1; c += C)
                    advance_chunk(src, dst, len, r, s, c, std::min(c + C, r1), a.data(), b.data());
                std::swap(src, dst);
                sub += s;
            }
            done += static_cast<int>(phase);
        }
        result = src + lo;
        if (rank == 0) std::memcpy(u.data() + first, result, count * sizeof(double));
    }

    if (size == 1) return;
    std::vector<int> counts(size), displs(size);
    for (int q = 0; q < size; ++q) {
        std::size_t f = 0, c = 0;
        owned_block(interior, q, size, f, c);
        counts[q] = static_cast<int>(c);
        displs[q] = static_cast<int>(f);
    }
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, u.data(), counts.data(), displs.data(), MPI_DOUBLE, 0,
                    MPI_COMM_WORLD);
    else
        MPI_Gatherv(result, counts[rank], MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0, MPI_COMM_WORLD);
}
