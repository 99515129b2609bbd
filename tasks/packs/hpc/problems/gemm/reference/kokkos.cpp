// Kokkos reference of gemm: GotoBLAS-style blocking (packed A and B micro-panels, 4 x 4 register-tile micro-kernel); the MC x NC tiles of C are the league of a dynamic TeamPolicy of one-thread teams, packing into team scratch.
// Every tile of C is independent; a team of one thread computes it with packing buffers in its
// level-1 scratch memory (allocated once per thread by the backend), and the dynamic schedule
// balances the ragged edge tiles. Small products run serially.
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <vector>

namespace {

constexpr std::size_t MR = 4;    // rows of the register tile
constexpr std::size_t NR = 4;    // columns of the register tile
constexpr std::size_t KC = 256;  // depth of a packed block (A micro-panel + B micro-panel fit in L1)
constexpr std::size_t MC = 64;   // rows of C per tile (packed A block: MC x KC, in L2)
constexpr std::size_t NC = 256;  // columns of C per tile (packed B block: KC x NC)

// Packs rows [0, mc) x depth [0, kc) of A (leading dimension lda) into MR-row micro-panels,
// p-major inside a panel, zero-padding the last panel.
void pack_a(const double *a, std::size_t lda, std::size_t mc, std::size_t kc, double *ap) {
    for (std::size_t ir = 0; ir < mc; ir += MR) {
        const std::size_t mr = mc - ir < MR ? mc - ir : MR;
        for (std::size_t p = 0; p < kc; ++p) {
            for (std::size_t r = 0; r < mr; ++r) ap[r] = a[(ir + r) * lda + p];
            for (std::size_t r = mr; r < MR; ++r) ap[r] = 0.0;
            ap += MR;
        }
    }
}

// Packs depth [0, kc) x columns [0, nc) of B (leading dimension ldb) into NR-column micro-panels.
void pack_b(const double *b, std::size_t ldb, std::size_t kc, std::size_t nc, double *bp) {
    for (std::size_t jr = 0; jr < nc; jr += NR) {
        const std::size_t nr = nc - jr < NR ? nc - jr : NR;
        for (std::size_t p = 0; p < kc; ++p) {
            const double *row = b + p * ldb + jr;
            for (std::size_t c = 0; c < nr; ++c) bp[c] = row[c];
            for (std::size_t c = nr; c < NR; ++c) bp[c] = 0.0;
            bp += NR;
        }
    }
}

// C[0:mr, 0:nr] (leading dimension ldc) = (accumulate ? C : 0) + Ap * Bp over depth kc.
void micro_kernel(std::size_t kc, const double *__restrict ap, const double *__restrict bp, double *c,
                  std::size_t ldc, std::size_t mr, std::size_t nr, bool accumulate) {
    double acc[MR][NR] = {};
    for (std::size_t p = 0; p < kc; ++p) {
        for (std::size_t r = 0; r < MR; ++r)
            for (std::size_t q = 0; q < NR; ++q) acc[r][q] += ap[r] * bp[q];
        ap += MR;
        bp += NR;
    }
    for (std::size_t r = 0; r < mr; ++r) {
        double *crow = c + r * ldc;
        if (accumulate)
            for (std::size_t q = 0; q < nr; ++q) crow[q] += acc[r][q];
        else
            for (std::size_t q = 0; q < nr; ++q) crow[q] = acc[r][q];
    }
}

// Computes the tile C[i0:i0+mc, j0:j0+nc] = A[i0:i0+mc, :] * B[:, j0:j0+nc] using the caller's
// packing buffers (apack: MC*KC, bpack: KC*NC doubles).
void gemm_tile(const double *A, const double *B, double *C, std::size_t k, std::size_t n, std::size_t i0,
               std::size_t mc, std::size_t j0, std::size_t nc, double *apack, double *bpack) {
    if (k == 0) {
        for (std::size_t i = 0; i < mc; ++i)
            for (std::size_t j = 0; j < nc; ++j) C[(i0 + i) * n + j0 + j] = 0.0;
        return;
    }
    for (std::size_t pc = 0; pc < k; pc += KC) {
        const std::size_t kc = k - pc < KC ? k - pc : KC;
        pack_b(B + pc * n + j0, n, kc, nc, bpack);
        pack_a(A + i0 * k + pc, k, mc, kc, apack);
        for (std::size_t jr = 0; jr < nc; jr += NR) {
            const std::size_t nr = nc - jr < NR ? nc - jr : NR;
            for (std::size_t ir = 0; ir < mc; ir += MR) {
                const std::size_t mr = mc - ir < MR ? mc - ir : MR;
                micro_kernel(kc, apack + ir * kc, bpack + jr * kc, C + (i0 + ir) * n + j0 + jr, n, mr, nr,
                             pc > 0);
            }
        }
    }
}

}  // namespace

void gemm(const std::vector<double> &A, const std::vector<double> &B, std::vector<double> &C, size_t m, size_t k,
          size_t n) {
    const std::size_t tiles_i = (m + MC - 1) / MC;
    const std::size_t tiles_j = (n + NC - 1) / NC;
    const double *ap = A.data();
    const double *bp = B.data();
    double *cp = C.data();
    if (m * n * k <= 200000) {  // small product: parallel overhead would dominate
        std::vector<double> apack(MC * KC), bpack(KC * NC);
        for (std::size_t tj = 0; tj < tiles_j; ++tj)
            for (std::size_t ti = 0; ti < tiles_i; ++ti) {
                const std::size_t i0 = ti * MC, j0 = tj * NC;
                gemm_tile(ap, bp, cp, k, n, i0, m - i0 < MC ? m - i0 : MC, j0, n - j0 < NC ? n - j0 : NC,
                          apack.data(), bpack.data());
            }
        return;
    }
    using Policy = Kokkos::TeamPolicy<Kokkos::DefaultHostExecutionSpace, Kokkos::Schedule<Kokkos::Dynamic>>;
    using Member = Policy::member_type;
    const std::size_t pack_bytes = (MC * KC + KC * NC) * sizeof(double);
    const Policy tiles = Policy(static_cast<int>(tiles_i * tiles_j), 1)
                             .set_chunk_size(1)
                             .set_scratch_size(1, Kokkos::PerTeam(pack_bytes));
    Kokkos::parallel_for(
        "gemm_tiles", tiles, KOKKOS_LAMBDA(const Member &team) {
            double *apack = static_cast<double *>(team.team_scratch(1).get_shmem(pack_bytes));
            double *bpack = apack + MC * KC;
            const std::size_t t = static_cast<std::size_t>(team.league_rank());
            const std::size_t i0 = (t % tiles_i) * MC, j0 = (t / tiles_i) * NC;
            const std::size_t mc = m - i0 < MC ? m - i0 : MC;
            const std::size_t nc = n - j0 < NC ? n - j0 : NC;
            gemm_tile(ap, bp, cp, k, n, i0, mc, j0, nc, apack, bpack);
        });
    Kokkos::fence();
}
