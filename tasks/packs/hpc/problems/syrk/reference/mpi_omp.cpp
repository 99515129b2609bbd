// MPI+OpenMP reference of syrk: the rows of C are split into one contiguous range per rank holding
// about the same share of the upper triangle; each rank's upper trapezoid is cut into TB x TB tiles
// that its threads take dynamically (GotoBLAS-style kernel: packed 4-wide micro-panels of A's columns,
// 4 x 4 register tiles, register tiles under the diagonal skipped). Rank 0 gathers the row ranges with
// MPI_Gatherv (outside any parallel region) and mirrors the upper triangle into the lower one with
// its threads.
#include <mpi.h>

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

// Rows [r0, r1) of part `part` out of `parts`, contiguous, balanced by the upper-triangle work
// (row i holds n - i elements of it).
void balanced_rows(std::size_t n, std::size_t part, std::size_t parts, std::size_t &r0, std::size_t &r1) {
    const double total = 0.5 * static_cast<double>(n) * static_cast<double>(n + 1);
    auto boundary = [&](std::size_t k) {
        if (k == 0) return static_cast<std::size_t>(0);
        if (k >= parts) return n;
        const double target = total * static_cast<double>(k) / static_cast<double>(parts);
        double done = 0.0;
        std::size_t i = 0;
        while (i < n && done + 0.5 * static_cast<double>(n - i) < target) done += static_cast<double>(n - i++);
        return i;
    };
    r0 = boundary(part);
    r1 = boundary(part + 1);
}

}  // namespace

void syrk(const std::vector<double> &A, std::vector<double> &C, size_t m, size_t n) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t parts = static_cast<std::size_t>(size);
    std::size_t r0 = 0, r1 = 0;
    balanced_rows(n, static_cast<std::size_t>(rank), parts, r0, r1);
    const std::vector<Tile> tiles = upper_tiles(n, r0, r1);
    const std::ptrdiff_t ntiles = static_cast<std::ptrdiff_t>(tiles.size());
#pragma omp parallel if ((r1 - r0) * n * m > 200000)
    {
        std::vector<double> lpack(TB * KC), rpack(TB * KC);
#pragma omp for schedule(dynamic, 1)
        for (std::ptrdiff_t t = 0; t < ntiles; ++t) {
            const Tile &tl = tiles[static_cast<std::size_t>(t)];
            syrk_tile(A.data(), C.data(), m, n, tl.i0, tl.mc, tl.j0, tl.nc, lpack.data(), rpack.data());
        }
    }

    if (size > 1) {
        std::vector<int> counts(size), displs(size);
        for (int r = 0; r < size; ++r) {
            std::size_t b0 = 0, b1 = 0;
            balanced_rows(n, static_cast<std::size_t>(r), parts, b0, b1);
            counts[r] = static_cast<int>((b1 - b0) * n);
            displs[r] = static_cast<int>(b0 * n);
        }
        if (rank == 0)
            MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, C.data(), counts.data(), displs.data(), MPI_DOUBLE, 0,
                        MPI_COMM_WORLD);
        else
            MPI_Gatherv(C.data() + r0 * n, counts[rank], MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0,
                        MPI_COMM_WORLD);
    }
    if (rank != 0) return;
    const std::ptrdiff_t mirror_blocks = static_cast<std::ptrdiff_t>((n + 31) / 32);
#pragma omp parallel for schedule(dynamic, 1) if (n > 256)
    for (std::ptrdiff_t b = 0; b < mirror_blocks; ++b) {
        const std::size_t q0 = static_cast<std::size_t>(b) * 32;
        mirror_rows(C.data(), n, q0, n - q0 < 32 ? n : q0 + 32);
    }
}
