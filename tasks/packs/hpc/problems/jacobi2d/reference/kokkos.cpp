// Kokkos reference of jacobi2d: one static parallel_for over the interior rows per sweep, two buffers swapped.
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <utility>
#include <vector>

namespace {

KOKKOS_INLINE_FUNCTION void sweep_row(const double *__restrict up, const double *__restrict mid,
                                      const double *__restrict down, double *__restrict out, std::size_t n) {
    for (std::size_t j = 1; j + 1 < n; ++j) out[j] = 0.25 * (up[j] + down[j] + mid[j - 1] + mid[j + 1]);
}

}  // namespace

void jacobi2d(std::vector<double> &grid, size_t n, int iterations) {
    if (n < 3 || iterations <= 0) return;
    std::vector<double> other(grid);  // same boundary values as grid
    double *cur = grid.data();
    double *nxt = other.data();
    if (n * n <= 10000) {  // tiny grid: parallel overhead would dominate
        for (int it = 0; it < iterations; ++it) {
            for (std::size_t r = 1; r + 1 < n; ++r)
                sweep_row(cur + (r - 1) * n, cur + r * n, cur + (r + 1) * n, nxt + r * n, n);
            std::swap(cur, nxt);
        }
    } else {
        // static schedule: the same rows go to the same thread every sweep (cache reuse)
        const Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace, Kokkos::Schedule<Kokkos::Static>> rows(1, n - 1);
        for (int it = 0; it < iterations; ++it) {
            const double *c = cur;
            double *x = nxt;
            Kokkos::parallel_for(
                "jacobi2d_sweep", rows, KOKKOS_LAMBDA(const std::size_t r) {
                    sweep_row(c + (r - 1) * n, c + r * n, c + (r + 1) * n, x + r * n, n);
                });
            std::swap(cur, nxt);
        }
        Kokkos::fence();
    }
    if (iterations % 2 == 1) grid.swap(other);
}
