// Kokkos reference of transpose: a parallel_for over bands of 32 rows of B (each a contiguous part of B), cache-blocked in 32 x 32 tiles with 2 x 2 SSE2 blocks.
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <vector>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace {

constexpr std::size_t EDGE = 32;  // a 32 x 32 tile of A and of B (8 KiB each) stays in L1

// B[j * m + i] = A[i * n + j] for i in [i0, i1), j in [j0, j1); two rows of A at a time give 2 x 2 blocks.
void tile_copy(const double *__restrict A, double *__restrict B, std::size_t m, std::size_t n, std::size_t i0,
               std::size_t i1, std::size_t j0, std::size_t j1) {
    std::size_t i = i0;
#ifdef __SSE2__
    for (; i + 2 <= i1; i += 2) {
        const double *r0 = A + i * n, *r1 = r0 + n;
        std::size_t j = j0;
        for (; j + 2 <= j1; j += 2) {
            const __m128d p = _mm_loadu_pd(r0 + j), q = _mm_loadu_pd(r1 + j);
            _mm_storeu_pd(B + j * m + i, _mm_unpacklo_pd(p, q));
            _mm_storeu_pd(B + (j + 1) * m + i, _mm_unpackhi_pd(p, q));
        }
        if (j < j1) {
            B[j * m + i] = r0[j];
            B[j * m + i + 1] = r1[j];
        }
    }
#endif
    for (; i < i1; ++i)
        for (std::size_t j = j0; j < j1; ++j) B[j * m + i] = A[i * n + j];
}

// Rows [r0, r1) of B (at most EDGE of them), tile by tile along A's rows.
void band_of_b(const double *A, double *B, std::size_t m, std::size_t n, std::size_t r0, std::size_t r1) {
    for (std::size_t ib = 0; ib < m; ib += EDGE) tile_copy(A, B, m, n, ib, m - ib < EDGE ? m : ib + EDGE, r0, r1);
}

}  // namespace

void transpose(const std::vector<double> &A, std::vector<double> &B, size_t m, size_t n) {
    const double *ap = A.data();
    double *bp = B.data();
    const std::size_t bands = (n + EDGE - 1) / EDGE;
    if (m * n <= 100000) {
        for (std::size_t b = 0; b < bands; ++b)
            band_of_b(ap, bp, m, n, b * EDGE, n - b * EDGE < EDGE ? n : b * EDGE + EDGE);
        return;
    }
    Kokkos::parallel_for(
        "transpose", Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>(0, bands),
        KOKKOS_LAMBDA(const std::size_t b) {
            band_of_b(ap, bp, m, n, b * EDGE, n - b * EDGE < EDGE ? n : b * EDGE + EDGE);
        });
    Kokkos::fence();
}
