// Driver of the gemv problem: y = A x with A dense row-major m x n.
// size -> m = size rows, n = size + 5 columns (not square, so swapped dimensions are caught).
#include "hpceval_driver.hpp"

#include <vector>

void gemv(const std::vector<double> &A, const std::vector<double> &x, std::vector<double> &y, size_t m, size_t n);
void hpceval_baseline_gemv(const std::vector<double> &A, const std::vector<double> &x, std::vector<double> &y,
                           size_t m, size_t n);

struct GemvProblem {
    struct Input {
        std::size_t m = 0, n = 0;
        std::vector<double> A, x;
        std::vector<double> y0;  // arbitrary contents of y on entry; must be overwritten
        template <class F> void fields(F &&f) { f(m); f(n); f(A); f(x); f(y0); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.m = size;
        in.n = size + 5;
        in.A.resize(in.m * in.n);
        in.x.resize(in.n);
        in.y0.resize(in.m);
        hpceval::fill_uniform(in.A, rng);
        hpceval::fill_uniform(in.x, rng);
        hpceval::fill_uniform(in.y0, rng, 100.0, 1000.0);
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.y0.begin(), in.y0.end()); }
    static void candidate(const Input &in, std::vector<double> &out) { gemv(in.A, in.x, out, in.m, in.n); }
    static void baseline(const Input &in, std::vector<double> &out) {
        hpceval_baseline_gemv(in.A, in.x, out, in.m, in.n);
    }
};

HPCEVAL_MAIN(GemvProblem)
