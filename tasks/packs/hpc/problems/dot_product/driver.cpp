// Driver of the dot_product problem: sum over i of x[i] * y[i].
// size -> n = size elements per vector. x and y uniform in [-0.5, 1.5): products of either sign
// but a sum that grows like n / 4, so any summation order agrees to far better than the
// tolerance while single-precision accumulation does not.
#include "hpceval_driver.hpp"

#include <limits>
#include <vector>

double dot_product(const std::vector<double> &x, const std::vector<double> &y);
double hpceval_baseline_dot_product(const std::vector<double> &x, const std::vector<double> &y);

struct DotProductProblem {
    struct Input {
        std::vector<double> x, y;
        template <class F> void fields(F &&f) { f(x); f(y); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.x.resize(size);
        in.y.resize(size);
        hpceval::fill_uniform(in.x, rng, -0.5, 1.5);
        hpceval::fill_uniform(in.y, rng, -0.5, 1.5);
        return in;
    }
    // The output is the one returned value.
    static void reset_output(const Input &, std::vector<double> &out) {
        out.assign(1, std::numeric_limits<double>::quiet_NaN());
    }
    static void candidate(const Input &in, std::vector<double> &out) { out[0] = dot_product(in.x, in.y); }
    static void baseline(const Input &in, std::vector<double> &out) { out[0] = hpceval_baseline_dot_product(in.x, in.y); }
};

HPCEVAL_MAIN(DotProductProblem)
