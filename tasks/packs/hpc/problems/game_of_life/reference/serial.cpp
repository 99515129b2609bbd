// Serial reference of game_of_life: the grid is copied once into two padded grids with a ring of
// dead cells around them, so no neighbour needs a bounds check; each row of the next generation is
// computed by a branch-free loop of integer additions and compares that the compiler vectorizes.
// Buffers are swapped by pointer; the result is copied back once at the end.
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
    for (std::size_t i = 0; i < m; ++i) std::copy_n(&cells[i * n], n, &a[(i + 1) * w + 1]);
    int *cur = a.data(), *nxt = b.data();
    for (int g = 0; g < generations; ++g) {
        for (std::size_t i = 1; i <= m; ++i)
            life_row(cur + (i - 1) * w, cur + i * w, cur + (i + 1) * w, nxt + i * w, n);
        std::swap(cur, nxt);
    }
    for (std::size_t i = 0; i < m; ++i) std::copy_n(cur + (i + 1) * w + 1, n, &cells[i * n]);
}
