// Kokkos reference of jacobi3d: one static parallel_for over the (n-2)^2 interior rows per sweep, two buffers swapped.
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <utility>
#include <vector>

namespace {

// Row (i, j) of the next grid from the rows around it in the current one.
KOKKOS_INLINE_FUNCTION void sweep_row(const double *__restrict below, const double *__restrict above,
                                      const double *__restrict south, const double *__restrict north,
                                      const double *__restrict mid, double *__restrict out, std::size_t n) {
    const double sixth = 1.0 / 6.0;
    for (std::size_t k = 1; k + 1 < n; ++k)
        out[k] = (below[k] + above[k] + south[k] + north[k] + mid[k - 1] + mid[k + 1]) * sixth;
}

}  // namespace

void jacobi3d(std::vector<double> &grid, size_t n, int iterations) {
    if (n < 3 || iterations <= 0) return;
    const std::size_t nn = n * n, m = n - 2, rows = m * m;
    std::vector<double> other(grid);  // same boundary values as grid
    double *cur = grid.data();
    double *nxt = other.data();
    if (nn * n <= 20000) {  // tiny grid: parallel overhead would dominate
        for (int it = 0; it < iterations; ++it) {
            for (std::size_t row = 0; row < rows; ++row) {
                const std::size_t c = (1 + row / m) * nn + (1 + row % m) * n;
                sweep_row(cur + c - nn, cur + c + nn, cur + c - n, cur + c + n, cur + c, nxt + c, n);
            }
            std::swap(cur, nxt);
        }
    } else {
        // static schedule: the same rows go to the same thread every sweep (each slab stays in its cache)
        const Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace, Kokkos::Schedule<Kokkos::Static>> policy(0, rows);
        for (int it = 0; it < iterations; ++it) {
            const double *cp = cur;
            double *xp = nxt;
            Kokkos::parallel_for(
                "jacobi3d_sweep", policy, KOKKOS_LAMBDA(const std::size_t row) {
                    const std::size_t c = (1 + row / m) * nn + (1 + row % m) * n;
                    sweep_row(cp + c - nn, cp + c + nn, cp + c - n, cp + c + n, cp + c, xp + c, n);
                });
            std::swap(cur, nxt);
        }
        Kokkos::fence();
    }
    if (iterations % 2 == 1) grid.swap(other);
}
