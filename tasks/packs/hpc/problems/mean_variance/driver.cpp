// Driver of the mean_variance problem: the mean and the population variance of x.
// size -> n = size elements x[i] = mu + sigma * u[i], mu = +-[1e3, 1e4), sigma in [0.5, 2), u uniform
// in [-1, 1): |mean| / standard deviation is 1e3 to 3.5e4, so the one-pass formula
// E[x^2] - mean^2 is off by far more than the tolerance (from about 1e-9 relative at a few
// thousand elements), while two-pass, Welford and Chan-merged partial results stay within ~1e-11.
#include "hpceval_driver.hpp"

#include <limits>
#include <vector>

void mean_variance(const std::vector<double> &x, double &mean, double &variance);
void hpceval_baseline_mean_variance(const std::vector<double> &x, double &mean, double &variance);

struct MeanVarianceProblem {
    struct Input {
        std::vector<double> x;
        template <class F> void fields(F &&f) { f(x); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        const double mu = (rng.below(2) == 0 ? 1.0 : -1.0) * rng.uniform(1e3, 1e4);
        const double sigma = rng.uniform(0.5, 2.0);
        in.x.resize(size);
        for (double &v : in.x) v = mu + sigma * rng.uniform();
        return in;
    }
    // out = {mean, variance}; both start as NaN, so an output the candidate does not set fails.
    static void reset_output(const Input &, std::vector<double> &out) {
        out.assign(2, std::numeric_limits<double>::quiet_NaN());
    }
    static void candidate(const Input &in, std::vector<double> &out) { mean_variance(in.x, out[0], out[1]); }
    static void baseline(const Input &in, std::vector<double> &out) {
        hpceval_baseline_mean_variance(in.x, out[0], out[1]);
    }
};

HPCEVAL_MAIN(MeanVarianceProblem)
