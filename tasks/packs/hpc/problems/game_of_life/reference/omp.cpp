// OpenMP reference of game_of_life: two padded grids with a ring of dead cells (no bounds
// checks), a branch-free row kernel the compiler vectorizes, and one parallel region for all
// generations: rows are split statically (the same rows to the same thread every generation), the
// implicit barrier of each `omp for` separates generations, and every thread swaps its private
// buffer pointers. Copying in and out is split over the threads as well.
#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace {

// One row of the next generation; up, mid, dn and out are padded rows (index 0 and n + 1 dead).
void life_row(const int *__restrict up, const int *__restrict mid, const int *__restrict dn, int *__restrict out,
              std::size_t n) {
    for (std::size_t j = 1; j <= n; ++j) {
        const int s = up[j - 1] + up[j] + up[j + 1] + mid[j - 1] + mid[j + 1] + dn[j - 1] + dn[j] + dn[j + 1];
        out[j] = (s == 3) | ((s == 2) & mid[j]);
    }
}

}  // namespace

void game_of_life(std::vector<int> &cells, size_t m, size_t n, int generations) {
    if (m == 0 || n == 0 || generations <= 0) return;
    const std::size_t w = n + 2;  // padded row length
    std::vector<int> a((m + 2) * w, 0), b((m + 2) * w, 0);
    int *const g0 = a.data();
    int *const g1 = b.data();
    int *const c = cells.data();
    const std::ptrdiff_t rows = static_cast<std::ptrdiff_t>(m);
#pragma omp parallel if (m * n > 20000)
    {
#pragma omp for schedule(static)
        for (std::ptrdiff_t i = 0; i < rows; ++i) {
            const std::size_t r = static_cast<std::size_t>(i);
            std::copy_n(c + r * n, n, g0 + (r + 1) * w + 1);
        }
        int *cur = g0, *nxt = g1;
        for (int g = 0; g < generations; ++g) {
#pragma omp for schedule(static)
            for (std::ptrdiff_t i = 1; i <= rows; ++i) {
                const std::size_t r = static_cast<std::size_t>(i);
                life_row(cur + (r - 1) * w, cur + r * w, cur + (r + 1) * w, nxt + r * w, n);
            }
            std::swap(cur, nxt);
        }
#pragma omp for schedule(static)
        for (std::ptrdiff_t i = 0; i < rows; ++i) {
            const std::size_t r = static_cast<std::size_t>(i);
            std::copy_n(cur + (r + 1) * w + 1, n, c + r * n);
        }
    }
}
