// Serial reference of jacobi2d: double buffering with raw restrict pointers (vectorized row
// kernel), buffers swapped by pointer; the result is swapped into `grid` in O(1).
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
    double *cur = grid.data(), *nxt = other.data();
    for (int it = 0; it < iterations; ++it) {
        for (std::size_t i = 1; i + 1 < n; ++i)
            sweep_row(cur + (i - 1) * n, cur + i * n, cur + (i + 1) * n, nxt + i * n, n);
        std::swap(cur, nxt);
    }
    if (cur != grid.data()) grid.swap(other);
}
