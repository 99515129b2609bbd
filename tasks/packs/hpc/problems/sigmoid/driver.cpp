// Driver of the sigmoid problem: y[i] = 1 / (1 + exp(-(scale * x[i] + shift))).
// size -> n = size elements. scale = +-[0.5, 2), shift in [-3, 3); x in [-20, 20) (t within about
// +-43, where a cancelling formula loses the relative accuracy of the tiny results), except that one
// element in sixteen is placed so that t is uniform in [-2000, 2000) (|t| > 709.8, where exp(|t|)
// overflows, for about 2/3 of those).
#include "hpceval_driver.hpp"

#include <limits>
#include <vector>

void sigmoid(const std::vector<double> &x, double scale, double shift, std::vector<double> &y);
void hpceval_baseline_sigmoid(const std::vector<double> &x, double scale, double shift, std::vector<double> &y);

struct SigmoidProblem {
    struct Input {
        double scale = 1.0, shift = 0.0;
        std::vector<double> x;
        template <class F> void fields(F &&f) { f(scale); f(shift); f(x); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.scale = (rng.below(2) == 0 ? 1.0 : -1.0) * rng.uniform(0.5, 2.0);
        in.shift = rng.uniform(-3.0, 3.0);
        in.x.resize(size);
        for (double &v : in.x)
            v = rng.below(16) == 0 ? (rng.uniform(-2000.0, 2000.0) - in.shift) / in.scale : rng.uniform(-20.0, 20.0);
        return in;
    }
    // y arrives full of NaN: an element the candidate does not write fails the comparison.
    static void reset_output(const Input &in, std::vector<double> &out) {
        out.assign(in.x.size(), std::numeric_limits<double>::quiet_NaN());
    }
    static void candidate(const Input &in, std::vector<double> &out) { sigmoid(in.x, in.scale, in.shift, out); }
    static void baseline(const Input &in, std::vector<double> &out) {
        hpceval_baseline_sigmoid(in.x, in.scale, in.shift, out);
    }
};

HPCEVAL_MAIN(SigmoidProblem)
