// Serial reference of jacobi3d: double buffering with raw restrict pointers; one vectorized row
// kernel per (i, j) row that multiplies by a precomputed 1/6 instead of dividing (the division is
// the bottleneck of the plain loop; the results differ by at most an ulp per sweep); buffers are
// swapped by pointer and the result is swapped into `grid` in O(1).
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
    const std::size_t nn = n * n;
    std::vector<double> other(grid);  // same boundary values as grid
    double *cur = grid.data(), *nxt = other.data();
    for (int it = 0; it < iterations; ++it) {
        for (std::size_t i = 1; i + 1 < n; ++i) {
            for (std::size_t j = 1; j + 1 < n; ++j) {
                const std::size_t c = i * nn + j * n;
                sweep_row(cur + c - nn, cur + c + nn, cur + c - n, cur + c + n, cur + c, nxt + c, n);
            }
        }
        std::swap(cur, nxt);
    }
    if (cur != grid.data()) grid.swap(other);
}
