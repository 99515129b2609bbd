// OpenMP reference of jacobi2d: one parallel region for all sweeps; the interior rows are split
// statically (the same rows to the same thread every sweep, good cache reuse), the implicit
// barrier of each `omp for` separates sweeps, and every thread swaps its private buffer pointers.
#include <cstddef>
#include <utility>
#include <vector>

namespace {

void sweep_row(const double *__restrict up, const double *__restrict mid, const double *__restrict down,
               double *__restrict out, std::size_t n) {
    for (std::size_t j = 1; j + 1 < n; ++j) out[j] = 0.25 * (up[j] + down[j] + mid[j - 1] + mid[j + 1]);
}

}  // namespace

void jacobi2d(std::vector<double> &grid, size_t n, int iterations) {
    if (n < 3 || iterations <= 0) return;
    std::vector<double> other(grid);  // same boundary values as grid
    double *const g0 = grid.data();
    double *const g1 = other.data();
    const std::ptrdiff_t last = static_cast<std::ptrdiff_t>(n) - 1;
#pragma omp parallel if (n * n > 10000)
    {
        double *cur = g0, *nxt = g1;
        for (int it = 0; it < iterations; ++it) {
#pragma omp for schedule(static)
            for (std::ptrdiff_t i = 1; i < last; ++i) {
                const std::size_t r = static_cast<std::size_t>(i);
                sweep_row(cur + (r - 1) * n, cur + r * n, cur + (r + 1) * n, nxt + r * n, n);
            }
            std::swap(cur, nxt);
        }
    }
    if (iterations % 2 == 1) grid.swap(other);
}
