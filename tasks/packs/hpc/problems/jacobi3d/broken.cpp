// Deliberately wrong jacobi3d: the last interior row of every plane (j = n - 2) is never updated
// (off-by-one row bound).
#include <cstddef>
#include <utility>
#include <vector>

void jacobi3d(std::vector<double> &grid, size_t n, int iterations) {
    std::vector<double> next = grid;
    const size_t nn = n * n;
    for (int it = 0; it < iterations; ++it) {
        for (size_t i = 1; i + 1 < n; ++i)
            for (size_t j = 1; j + 2 < n; ++j)
                for (size_t k = 1; k + 1 < n; ++k) {
                    const size_t c = i * nn + j * n + k;
                    next[c] = (grid[c - nn] + grid[c + nn] + grid[c - n] + grid[c + n] + grid[c - 1] +
                               grid[c + 1]) / 6.0;
                }
        std::swap(grid, next);
    }
}
