// Driver of the mandelbrot problem: escape-time counts (at most MAX_ITER) for a width x height grid
// of points of the complex plane. size -> width = size, height = size / 2 + 1. The window is the
// asymmetric x in [-2.1, 0.6], y in [-0.25, 1.2], each edge moved by up to 0.1 per input (the check
// cases with even seeds put the lower left corner exactly at -2 + 0i, see generate): the rows
// near y = 0 cross the set (up to MAX_ITER iterations per pixel) while the top rows escape within a
// few, so equal blocks of rows are badly unbalanced. The counts are compared exactly.
#include "hpceval_driver.hpp"

#include <vector>

void mandelbrot(double x_min, double x_max, double y_min, double y_max, size_t width, size_t height, int max_iter,
                std::vector<int> &counts);
void hpceval_baseline_mandelbrot(double x_min, double x_max, double y_min, double y_max, size_t width, size_t height,
                                 int max_iter, std::vector<int> &counts);

struct MandelbrotProblem {
    static constexpr int MAX_ITER = 1000;  // stated in problem.yaml

    struct Input {
        std::size_t width = 0, height = 0;
        double x_min = 0.0, x_max = 0.0, y_min = 0.0, y_max = 0.0;
        template <class F> void fields(F &&f) { f(width); f(height); f(x_min); f(x_max); f(y_min); f(y_max); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.width = size;
        in.height = size / 2 + 1;
        in.x_min = -2.1 + rng.uniform(-0.1, 0.1);
        in.x_max = 0.6 + rng.uniform(-0.1, 0.1);
        in.y_min = -0.25 + rng.uniform(-0.1, 0.1);
        in.y_max = 1.2 + rng.uniform(-0.1, 0.1);
        // Small even seeds (check cases only; timed seeds are random 64-bit numbers) put the lower left
        // corner, pixel (0, 0), exactly at -2 + 0i, whose orbit reaches z = 2 and stays there with
        // zr2 + zi2 == 4.0: it counts MAX_ITER with the specified `> 4.0` and 1 with `>= 4.0`.
        if (seed < 64 && seed % 2 == 0) {
            in.x_min = -2.0;
            in.y_min = 0.0;
        }
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.width * in.height, -1.0); }
    static void candidate(const Input &in, std::vector<double> &out) {
        std::vector<int> counts(in.width * in.height, -1);
        mandelbrot(in.x_min, in.x_max, in.y_min, in.y_max, in.width, in.height, MAX_ITER, counts);
        out.assign(counts.begin(), counts.end());
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        std::vector<int> counts(in.width * in.height, -1);
        hpceval_baseline_mandelbrot(in.x_min, in.x_max, in.y_min, in.y_max, in.width, in.height, MAX_ITER, counts);
        out.assign(counts.begin(), counts.end());
    }
};

HPCEVAL_MAIN(MandelbrotProblem)
