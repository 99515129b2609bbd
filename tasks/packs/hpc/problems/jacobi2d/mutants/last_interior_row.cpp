// Near miss (skips the last interior row): must fail the check (hpceval validate).
// the two are swapped. Boundary cells are never written (both grids start with the same values).
#include <cstddef>
#include <utility>
#include <vector>

void jacobi2d(std::vector<double> &grid, size_t n, int iterations) {
    std::vector<double> next = grid;
    for (int it = 0; it < iterations; ++it) {
        for (size_t i = 1; i + 2 < n; ++i) {
            for (size_t j = 1; j + 1 < n; ++j) {
                next[i * n + j] = 0.25 * (grid[(i - 1) * n + j] + grid[(i + 1) * n + j] +
                                          grid[i * n + j - 1] + grid[i * n + j + 1]);
            }
        }
        std::swap(grid, next);
    }
}
