// Deliberately wrong game_of_life: the grid wraps around (a torus) instead of being dead outside.
#include <cstddef>
#include <utility>
#include <vector>

void game_of_life(std::vector<int> &cells, size_t m, size_t n, int generations) {
    std::vector<int> next(m * n);
    for (int g = 0; g < generations; ++g) {
        for (size_t i = 0; i < m; ++i) {
            for (size_t j = 0; j < n; ++j) {
                int alive = 0;
                for (size_t di = 0; di < 3; ++di)
                    for (size_t dj = 0; dj < 3; ++dj)
                        if (di != 1 || dj != 1) alive += cells[((i + m + di - 1) % m) * n + (j + n + dj - 1) % n];
                next[i * n + j] = (alive == 3 || (cells[i * n + j] && alive == 2)) ? 1 : 0;
            }
        }
        std::swap(cells, next);
    }
}
