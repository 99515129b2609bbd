// Sequential baseline of game_of_life: for every cell, count the live cells among its eight
// neighbours (skipping positions outside the grid), apply the rules into a second grid, then swap.
#include <cstddef>
#include <utility>
#include <vector>

void game_of_life(std::vector<int> &cells, size_t m, size_t n, int generations) {
    std::vector<int> next(m * n);
    for (int g = 0; g < generations; ++g) {
        for (size_t i = 0; i < m; ++i) {
            for (size_t j = 0; j < n; ++j) {
                int alive = 0;
                for (int di = -1; di <= 1; ++di) {
                    for (int dj = -1; dj <= 1; ++dj) {
                        if (di == 0 && dj == 0) continue;
                        const long ii = static_cast<long>(i) + di, jj = static_cast<long>(j) + dj;
                        if (ii >= 0 && ii < static_cast<long>(m) && jj >= 0 && jj < static_cast<long>(n))
                            alive += cells[static_cast<size_t>(ii) * n + static_cast<size_t>(jj)];
                    }
                }
                const bool live = cells[i * n + j] != 0;
                next[i * n + j] = (alive == 3 || (live && alive == 2)) ? 1 : 0;
            }
        }
        std::swap(cells, next);
    }
}
