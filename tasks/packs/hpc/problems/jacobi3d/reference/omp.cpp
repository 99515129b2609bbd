// OpenMP reference of jacobi3d: one parallel region for all sweeps; the (n-2)^2 interior rows
// (i, j) are split statically (the same rows to the same thread every sweep, so each thread's
// slab stays in its cache), the implicit barrier of each `omp for` separates sweeps, and every
// thread swaps its private buffer pointers. The row kernel multiplies by a precomputed 1/6.
#include <cstddef>
#include <utility>
#include <vector>

namespace {

// Row (i, j) of the next grid from the rows around it in the current one.
void sweep_row(const double *__restrict below, const double *__restrict above, const double *__restrict south,
               const double *__restrict north, const double *__restrict mid, double *__restrict out, std::size_t n) {
    const double sixth = 1.0 / 6.0;
    for (std::size_t k = 1; k + 1 < n; ++k)
        out[k] = (below[k] + above[k] + south[k] + north[k] + mid[k - 1] + mid[k + 1]) * sixth;
}

}  // namespace

void jacobi3d(std::vector<double> &grid, size_t n, int iterations) {
    if (n < 3 || iterations <= 0) return;
    const std::size_t nn = n * n, m = n - 2;
    std::vector<double> other(grid);  // same boundary values as grid
    double *const g0 = grid.data();
    double *const g1 = other.data();
    const std::ptrdiff_t rows = static_cast<std::ptrdiff_t>(m * m);
#pragma omp parallel if (nn * n > 20000)
    {
        double *cur = g0, *nxt = g1;
        for (int it = 0; it < iterations; ++it) {
#pragma omp for schedule(static)
            for (std::ptrdiff_t row = 0; row < rows; ++row) {
                const std::size_t i = 1 + static_cast<std::size_t>(row) / m, j = 1 + static_cast<std::size_t>(row) % m;
                const std::size_t c = i * nn + j * n;
                sweep_row(cur + c - nn, cur + c + nn, cur + c - n, cur + c + n, cur + c, nxt + c, n);
            }
            std::swap(cur, nxt);
        }
    }
    if (iterations % 2 == 1) grid.swap(other);
}
