// Driver of the game_of_life problem: GENERATIONS generations of Conway's Game of Life on an m x n
// grid of 0/1 ints (row-major), dead outside. size -> m = size rows, n = size + 3 columns (not
// square, so swapped dimensions are caught). The grid is drawn in bands of 8 rows, each band with
// its own density (0, 15, 35 or 60 % live cells), so there are empty regions, sparse ones that die
// out and dense ones that are overcrowded; the output (0/1 per cell) is compared exactly.
#include "hpceval_driver.hpp"

#include <cstdint>
#include <vector>

void game_of_life(std::vector<int> &cells, size_t m, size_t n, int generations);
void hpceval_baseline_game_of_life(std::vector<int> &cells, size_t m, size_t n, int generations);

struct GameOfLifeProblem {
    static constexpr int GENERATIONS = 100;  // stated in problem.yaml

    struct Input {
        std::size_t m = 0, n = 0;
        std::vector<int> cells0;
        template <class F> void fields(F &&f) { f(m); f(n); f(cells0); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.m = size;
        in.n = size + 3;
        in.cells0.resize(in.m * in.n);
        static const std::uint64_t density[4] = {0, 15, 35, 60};  // percent
        std::uint64_t pct = 35;
        for (std::size_t i = 0; i < in.m; ++i) {
            if (i % 8 == 0) pct = density[rng.below(4)];
            for (std::size_t j = 0; j < in.n; ++j) in.cells0[i * in.n + j] = rng.below(100) < pct ? 1 : 0;
        }
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.m * in.n, -1.0); }
    static void candidate(const Input &in, std::vector<double> &out) {
        std::vector<int> cells(in.cells0);
        game_of_life(cells, in.m, in.n, GENERATIONS);
        out.assign(cells.begin(), cells.end());
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        std::vector<int> cells(in.cells0);
        hpceval_baseline_game_of_life(cells, in.m, in.n, GENERATIONS);
        out.assign(cells.begin(), cells.end());
    }
};

HPCEVAL_MAIN(GameOfLifeProblem)
