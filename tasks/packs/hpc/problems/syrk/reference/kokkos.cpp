// Kokkos reference of syrk: the upper-triangle tiles of C = A^T A in a dynamically scheduled parallel_for (per-thread packing buffers via UniqueToken; packed 4-wide micro-panels, 4 x 4 register tiles), then a parallel mirror into the lower triangle.
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <memory>
#include <vector>

namespace {

constexpr std::size_t MR = 4;    // register tile: MR x MR
constexpr std::size_t KC = 256;  // rows of A per packed block
constexpr std::size_t TB = 64;   // tile of C: TB x TB (a multiple of MR)
constexpr std::size_t MB = 32;   // row block of the mirror pass

struct TileC {
    std::size_t i0, mc, j0, nc;
};

// Columns [c0, c0 + w) of A's rows [p0, p0 + kc) packed as MR-wide micro-panels (p-major inside a panel),
// the last panel zero-padded.
void pack_panel(const double *A, std::size_t n, std::size_t p0, std::size_t kc, std::size_t c0, std::size_t w,
                double *dst) {
    for (std::size_t c = 0; c < w; c += MR) {
        const std::size_t cw = w - c < MR ? w - c : MR;
        const double *row = A + p0 * n + c0 + c;
        for (std::size_t p = 0; p < kc; ++p, row += n) {
            std::size_t q = 0;
            for (; q < cw; ++q) dst[q] = row[q];
            for (; q < MR; ++q) dst[q] = 0.0;
            dst += MR;
        }
    }
}

// C[0:mr, 0:nr] (row stride ldc) = (add ? C : 0) + L^T R over kc packed rows.
void kernel_4x4(std::size_t kc, const double *__restrict L, const double *__restrict R, double *c, std::size_t ldc,
                std::size_t mr, std::size_t nr, bool add) {
    double acc[MR][MR] = {};
    for (std::size_t p = 0; p < kc; ++p) {
        for (std::size_t r = 0; r < MR; ++r)
            for (std::size_t q = 0; q < MR; ++q) acc[r][q] += L[r] * R[q];
        L += MR;
        R += MR;
    }
    for (std::size_t r = 0; r < mr; ++r) {
        double *crow = c + r * ldc;
        if (add)
            for (std::size_t q = 0; q < nr; ++q) crow[q] += acc[r][q];
        else
            for (std::size_t q = 0; q < nr; ++q) crow[q] = acc[r][q];
    }
}

// Tile C[i0:i0+mc, j0:j0+nc] (j0 >= i0) with the given packing buffers (TB * KC doubles each); register
// tiles entirely below the diagonal are skipped (the mirror pass fills them).
void compute_tile(const double *A, double *C, std::size_t m, std::size_t n, const TileC &t, double *lbuf,
                  double *rbuf) {
    if (m == 0) {
        for (std::size_t i = 0; i < t.mc; ++i)
            for (std::size_t j = 0; j < t.nc; ++j) C[(t.i0 + i) * n + t.j0 + j] = 0.0;
        return;
    }
    for (std::size_t pc = 0; pc < m; pc += KC) {
        const std::size_t kc = m - pc < KC ? m - pc : KC;
        pack_panel(A, n, pc, kc, t.i0, t.mc, lbuf);
        const double *rk = lbuf;
        if (t.j0 != t.i0 || t.nc != t.mc) {
            pack_panel(A, n, pc, kc, t.j0, t.nc, rbuf);
            rk = rbuf;
        }
        for (std::size_t jr = 0; jr < t.nc; jr += MR) {
            const std::size_t nr = t.nc - jr < MR ? t.nc - jr : MR;
            for (std::size_t ir = 0; ir < t.mc; ir += MR) {
                if (t.i0 + ir >= t.j0 + jr + nr) break;  // below the diagonal from here down
                const std::size_t mr = t.mc - ir < MR ? t.mc - ir : MR;
                kernel_4x4(kc, lbuf + ir * kc, rk + jr * kc, C + (t.i0 + ir) * n + t.j0 + jr, n, mr, nr, pc > 0);
            }
        }
    }
}

// C[j][i] = C[i][j] for j > i and rows i in [r0, r1), in MB x MB blocks (reads and writes stay in cache).
void mirror_block(double *C, std::size_t n, std::size_t r0, std::size_t r1) {
    for (std::size_t jb = r0; jb < n; jb += MB) {
        const std::size_t je = n - jb < MB ? n : jb + MB;
        for (std::size_t i = r0; i < r1; ++i)
            for (std::size_t j = (jb > i + 1 ? jb : i + 1); j < je; ++j) C[j * n + i] = C[i * n + j];
    }
}

}  // namespace

void syrk(const std::vector<double> &A, std::vector<double> &C, size_t m, size_t n) {
    std::vector<TileC> tiles;
    for (std::size_t i0 = 0; i0 < n; i0 += TB) {
        const std::size_t mc = n - i0 < TB ? n - i0 : TB;
        for (std::size_t j0 = i0; j0 < n; j0 += TB) tiles.push_back(TileC{i0, mc, j0, n - j0 < TB ? n - j0 : TB});
    }
    const double *ap = A.data();
    double *cp = C.data();
    const TileC *tp = tiles.data();
    const std::size_t ntiles = tiles.size(), nblocks = (n + MB - 1) / MB;
    if (n * n * m <= 200000) {
        std::unique_ptr<double[]> buf(new double[2 * TB * KC]);
        for (std::size_t t = 0; t < ntiles; ++t) compute_tile(ap, cp, m, n, tp[t], buf.get(), buf.get() + TB * KC);
        for (std::size_t b = 0; b < nblocks; ++b) mirror_block(cp, n, b * MB, n - b * MB < MB ? n : b * MB + MB);
        return;
    }
    Kokkos::Experimental::UniqueToken<Kokkos::DefaultHostExecutionSpace> token;
    const std::size_t slots = static_cast<std::size_t>(token.size());
    std::unique_ptr<double[]> packs(new double[slots * 2 * TB * KC]);  // two packing buffers per thread
    double *pk = packs.get();
    using Dyn = Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace, Kokkos::Schedule<Kokkos::Dynamic>>;
    Kokkos::parallel_for(
        "syrk_tiles", Dyn(0, ntiles).set_chunk_size(1), KOKKOS_LAMBDA(const std::size_t t) {
            const int id = token.acquire();
            double *lbuf = pk + static_cast<std::size_t>(id) * 2 * TB * KC;
            compute_tile(ap, cp, m, n, tp[t], lbuf, lbuf + TB * KC);
            token.release(id);
        });
    Kokkos::fence();
    Kokkos::parallel_for(
        "syrk_mirror", Dyn(0, nblocks).set_chunk_size(1), KOKKOS_LAMBDA(const std::size_t b) {
            mirror_block(cp, n, b * MB, n - b * MB < MB ? n : b * MB + MB);
        });
    Kokkos::fence();
}
