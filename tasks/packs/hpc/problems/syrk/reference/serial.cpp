// Serial reference of syrk: only the upper triangle of C = A^T A is computed, tile by tile, with a
// GotoBLAS-style kernel: both operands are columns of A, packed from A's rows (contiguous reads)
// into 4-wide micro-panels, and a 4 x 4 register tile accumulates over 256 rows of A at a time;
// register tiles under the diagonal are skipped. A blocked copy then mirrors the upper triangle
// into the lower one.
#include <cstddef>
#include <vector>

namespace {

constexpr std::size_t MR = 4;    // rows and columns of the register tile
constexpr std::size_t KC = 256;  // depth (rows of A) of a packed block
constexpr std::size_t TB = 64;   // rows and columns of a tile of C (a multiple of MR)

// Packs columns [c0, c0 + w) of rows [p0, p0 + kc) of A (row-major, n columns) into MR-wide
// micro-panels, p-major inside a panel (contiguous reads of A's rows), zero-padding the last panel.
void pack_columns(const double *A, std::size_t n, std::size_t p0, std::size_t kc, std::size_t c0, std::size_t w,
                  double *out) {
    for (std::size_t c = 0; c < w; c += MR) {
        const std::size_t cw = w - c < MR ? w - c : MR;
        const double *src = A + p0 * n + c0 + c;
        for (std::size_t p = 0; p < kc; ++p, src += n) {
            for (std::size_t q = 0; q < cw; ++q) out[q] = src[q];
            for (std::size_t q = cw; q < MR; ++q) out[q] = 0.0;
            out += MR;
        }
    }
}

// C[0:mr, 0:nr] (leading dimension ldc) = (accumulate ? C : 0) + L^T R over depth kc, where the
// packed micro-panels L and R hold MR columns of A each.
void micro_kernel(std::size_t kc, const double *__restrict lp, const double *__restrict rp, double *c,
                  std::size_t ldc, std::size_t mr, std::size_t nr, bool accumulate) {
    double acc[MR][MR] = {};
    for (std::size_t p = 0; p < kc; ++p) {
        for (std::size_t r = 0; r < MR; ++r)
            for (std::size_t q = 0; q < MR; ++q) acc[r][q] += lp[r] * rp[q];
        lp += MR;
        rp += MR;
    }
    for (std::size_t r = 0; r < mr; ++r) {
        double *crow = c + r * ldc;
        if (accumulate)
            for (std::size_t q = 0; q < nr; ++q) crow[q] += acc[r][q];
        else
            for (std::size_t q = 0; q < nr; ++q) crow[q] = acc[r][q];
    }
}

// The tile C[i0:i0+mc, j0:j0+nc] of A^T A, j0 >= i0, using the caller's packing buffers (TB * KC
// doubles each). Register tiles that lie wholly below the diagonal are skipped (the mirror fills them).
void syrk_tile(const double *A, double *C, std::size_t m, std::size_t n, std::size_t i0, std::size_t mc,
               std::size_t j0, std::size_t nc, double *lpack, double *rpack) {
    if (m == 0) {
        for (std::size_t i = 0; i < mc; ++i)
            for (std::size_t j = 0; j < nc; ++j) C[(i0 + i) * n + j0 + j] = 0.0;
        return;
    }
    for (std::size_t pc = 0; pc < m; pc += KC) {
        const std::size_t kc = m - pc < KC ? m - pc : KC;
        pack_columns(A, n, pc, kc, i0, mc, lpack);
        const double *rpk = lpack;
        if (j0 != i0 || nc != mc) {
            pack_columns(A, n, pc, kc, j0, nc, rpack);
            rpk = rpack;
        }
        for (std::size_t jr = 0; jr < nc; jr += MR) {
            const std::size_t nr = nc - jr < MR ? nc - jr : MR;
            for (std::size_t ir = 0; ir < mc; ir += MR) {
                if (i0 + ir >= j0 + jr + nr) break;  // this register tile and the ones below: under the diagonal
                const std::size_t mr = mc - ir < MR ? mc - ir : MR;
                micro_kernel(kc, lpack + ir * kc, rpk + jr * kc, C + (i0 + ir) * n + j0 + jr, n, mr, nr, pc > 0);
            }
        }
    }
}

// Copies the strictly upper triangle of rows [r0, r1) into the lower triangle (C[j][i] = C[i][j],
// j > i), blocked so that both the read rows and the written columns stay in cache.
void mirror_rows(double *C, std::size_t n, std::size_t r0, std::size_t r1) {
    constexpr std::size_t B = 32;
    for (std::size_t ib = r0; ib < r1; ib += B) {
        const std::size_t ie = r1 - ib < B ? r1 : ib + B;
        for (std::size_t jb = ib; jb < n; jb += B) {
            const std::size_t je = n - jb < B ? n : jb + B;
            for (std::size_t i = ib; i < ie; ++i)
                for (std::size_t j = (jb > i + 1 ? jb : i + 1); j < je; ++j) C[j * n + i] = C[i * n + j];
        }
    }
}

// The tiles of the upper trapezoid of rows [r0, r1): row blocks of TB rows from r0, each from its
// diagonal tile rightwards. Tile t is (i0, mc, j0, nc).
struct Tile {
    std::size_t i0, mc, j0, nc;
};

std::vector<Tile> upper_tiles(std::size_t n, std::size_t r0, std::size_t r1) {
    std::vector<Tile> tiles;
    for (std::size_t i0 = r0; i0 < r1; i0 += TB) {
        const std::size_t mc = r1 - i0 < TB ? r1 - i0 : TB;
        for (std::size_t j0 = i0; j0 < n; j0 += TB) tiles.push_back({i0, mc, j0, n - j0 < TB ? n - j0 : TB});
    }
    return tiles;
}

}  // namespace

void syrk(const std::vector<double> &A, std::vector<double> &C, size_t m, size_t n) {
    std::vector<double> lpack(TB * KC), rpack(TB * KC);
    for (const Tile &t : upper_tiles(n, 0, n))
        syrk_tile(A.data(), C.data(), m, n, t.i0, t.mc, t.j0, t.nc, lpack.data(), rpack.data());
    mirror_rows(C.data(), n, 0, n);
}
