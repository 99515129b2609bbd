// OpenMP reference of transpose: cache-blocked with 32 x 32 tiles (2 x 2 SSE2 blocks inside a tile);
// the bands of 32 rows of B are split statically over the threads, so each thread writes one
// contiguous part of B. Memory-bound: two threads gain what the memory system gives.
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

}  // namespace

void transpose(const std::vector<double> &A, std::vector<double> &B, size_t m, size_t n) {
    const std::ptrdiff_t bands = static_cast<std::ptrdiff_t>((n + TB - 1) / TB);
#pragma omp parallel for schedule(static) if (m * n > 100000)
    for (std::ptrdiff_t b = 0; b < bands; ++b) {
        const std::size_t r0 = static_cast<std::size_t>(b) * TB;
        transpose_rows_of_b(A.data(), B.data(), m, n, r0, n - r0 < TB ? n : r0 + TB);
    }
}
