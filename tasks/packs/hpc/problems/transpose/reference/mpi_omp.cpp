// MPI+OpenMP reference of transpose: each rank computes one contiguous block of rows of B (columns
// of A), its 32-row bands split statically over the rank's threads (32 x 32 tiles, 2 x 2 SSE2 blocks);
// rank 0 gathers the blocks with MPI_Gatherv. Memory-bound: the gather moves half of B once more.
#include <mpi.h>

#include <cstddef>
#include <vector>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace {

constexpr std::size_t TB = 32;  // tile edge: a 32 x 32 tile of A and of B (8 KiB each) stays in L1

// B[j][i] = A[i][j] for rows [i0, i1) of A and columns [j0, j1) of A (B is n x m, row-major).
// Two rows of A at a time: two 2-element loads give a 2 x 2 block, written as two 2-element rows of B.
void transpose_tile(const double *__restrict A, double *__restrict B, std::size_t m, std::size_t n, std::size_t i0,
                    std::size_t i1, std::size_t j0, std::size_t j1) {
    std::size_t i = i0;
#ifdef __SSE2__
    for (; i + 2 <= i1; i += 2) {
        const double *a0 = A + i * n, *a1 = a0 + n;
        std::size_t j = j0;
        for (; j + 2 <= j1; j += 2) {
            const __m128d x = _mm_loadu_pd(a0 + j), y = _mm_loadu_pd(a1 + j);
            _mm_storeu_pd(B + j * m + i, _mm_unpacklo_pd(x, y));
            _mm_storeu_pd(B + (j + 1) * m + i, _mm_unpackhi_pd(x, y));
        }
        if (j < j1) {
            B[j * m + i] = a0[j];
            B[j * m + i + 1] = a1[j];
        }
    }
#endif
    for (; i < i1; ++i)
        for (std::size_t j = j0; j < j1; ++j) B[j * m + i] = A[i * n + j];
}

// Rows [r0, r1) of B (columns [r0, r1) of A), tile by tile.
void transpose_rows_of_b(const double *A, double *B, std::size_t m, std::size_t n, std::size_t r0, std::size_t r1) {
    for (std::size_t jb = r0; jb < r1; jb += TB) {
        const std::size_t je = r1 - jb < TB ? r1 : jb + TB;
        for (std::size_t ib = 0; ib < m; ib += TB) transpose_tile(A, B, m, n, ib, m - ib < TB ? m : ib + TB, jb, je);
    }
}

// Block [lo, hi) of n items owned by `rank` out of `size` ranks (sizes differ by at most one).
void block_range(std::size_t n, int rank, int size, std::size_t &lo, std::size_t &hi) {
    const std::size_t p = static_cast<std::size_t>(size), r = static_cast<std::size_t>(rank);
    const std::size_t base = n / p, extra = n % p;
    lo = r * base + (r < extra ? r : extra);
    hi = lo + base + (r < extra ? 1 : 0);
}

}  // namespace

void transpose(const std::vector<double> &A, std::vector<double> &B, size_t m, size_t n) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    std::size_t lo = 0, hi = 0;
    block_range(n, rank, size, lo, hi);
    const std::ptrdiff_t bands = static_cast<std::ptrdiff_t>((hi - lo + TB - 1) / TB);
#pragma omp parallel for schedule(static) if ((hi - lo) * m > 100000)
    for (std::ptrdiff_t b = 0; b < bands; ++b) {
        const std::size_t r0 = lo + static_cast<std::size_t>(b) * TB;
        transpose_rows_of_b(A.data(), B.data(), m, n, r0, hi - r0 < TB ? hi : r0 + TB);
    }

    if (size == 1) return;
    std::vector<int> counts(size), displs(size);
    for (int r = 0; r < size; ++r) {
        std::size_t b0 = 0, b1 = 0;
        block_range(n, r, size, b0, b1);
        counts[r] = static_cast<int>((b1 - b0) * m);
        displs[r] = static_cast<int>(b0 * m);
    }
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, B.data(), counts.data(), displs.data(), MPI_DOUBLE, 0,
                    MPI_COMM_WORLD);
    else
        MPI_Gatherv(B.data() + lo * m, counts[rank], MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0,
                    MPI_COMM_WORLD);
}
