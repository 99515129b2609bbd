// Driver of the heat1d problem: STEPS explicit steps of the 1-D heat equation on a rod of n points
// with fixed end points. size -> n = size; r is drawn per input from [0.1, 0.5).
// The initial values are uniform in [-1, 1) with a few spikes of +-50 (a tenth of a percent of the
// points), so the profile still moves at the last step.
#include "hpceval_driver.hpp"

#include <vector>

void heat1d(std::vector<double> &u, size_t n, double r, int steps);
void hpceval_baseline_heat1d(std::vector<double> &u, size_t n, double r, int steps);

struct Heat1dProblem {
    static constexpr int STEPS = 1000;  // stated in problem.yaml

    struct Input {
        std::size_t n = 0;
        double r = 0.0;
        std::vector<double> u0;  // initial values, end points included
        template <class F> void fields(F &&f) { f(n); f(r); f(u0); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.n = size;
        in.r = rng.uniform(0.1, 0.5);
        in.u0.resize(size);
        hpceval::fill_uniform(in.u0, rng);
        for (double &v : in.u0)
            if (rng.below(1000) == 0) v = rng.below(2) ? 50.0 : -50.0;
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.u0.begin(), in.u0.end()); }
    static void candidate(const Input &in, std::vector<double> &out) { heat1d(out, in.n, in.r, STEPS); }
    static void baseline(const Input &in, std::vector<double> &out) {
        hpceval_baseline_heat1d(out, in.n, in.r, STEPS);
    }
};

HPCEVAL_MAIN(Heat1dProblem)
