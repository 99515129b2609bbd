// Driver of the jacobi3d problem: ITERATIONS Jacobi sweeps of the 7-point average on an n x n x n
// grid (cell (i, j, k) at grid[(i * n + j) * n + k]) with fixed boundary cells. size -> n = size.
#include "hpceval_driver.hpp"

#include <vector>

void jacobi3d(std::vector<double> &grid, size_t n, int iterations);
void hpceval_baseline_jacobi3d(std::vector<double> &grid, size_t n, int iterations);

struct Jacobi3dProblem {
    static constexpr int ITERATIONS = 20;  // stated in problem.yaml

    struct Input {
        std::size_t n = 0;
        std::vector<double> grid0;  // initial grid (boundary and interior)
        template <class F> void fields(F &&f) { f(n); f(grid0); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.n = size;
        in.grid0.resize(size * size * size);
        hpceval::fill_uniform(in.grid0, rng);
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) {
        out.assign(in.grid0.begin(), in.grid0.end());
    }
    static void candidate(const Input &in, std::vector<double> &out) { jacobi3d(out, in.n, ITERATIONS); }
    static void baseline(const Input &in, std::vector<double> &out) {
        hpceval_baseline_jacobi3d(out, in.n, ITERATIONS);
    }
};

HPCEVAL_MAIN(Jacobi3dProblem)
