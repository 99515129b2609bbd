// Driver of the min_max problem: the smallest and the largest element of x.
// size -> n = size elements c + s * u, c in [-2, 2), s in [0.5, 1.5), u uniform in [-1, 1): all
// positive, all negative or mixed, depending on the seed. Then one of five cases, at random:
// nothing more; a unique minimum c - 2s at the first index; a unique maximum c + 2s at the last;
// the maximum first and the minimum last; the maximum at two random indices.
#include "hpceval_driver.hpp"

#include <limits>
#include <vector>

void min_max(const std::vector<double> &x, double &min_value, double &max_value);
void hpceval_baseline_min_max(const std::vector<double> &x, double &min_value, double &max_value);

struct MinMaxProblem {
    struct Input {
        std::vector<double> x;
        template <class F> void fields(F &&f) { f(x); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        const double c = rng.uniform(-2.0, 2.0), s = rng.uniform(0.5, 1.5);
        in.x.resize(size);
        for (double &v : in.x) v = c + s * rng.uniform();
        const std::uint64_t plant = rng.below(5);
        if (size >= 2) {
            if (plant == 1) {
                in.x[0] = c - 2.0 * s;
            } else if (plant == 2) {
                in.x[size - 1] = c + 2.0 * s;
            } else if (plant == 3) {
                in.x[0] = c + 2.0 * s;
                in.x[size - 1] = c - 2.0 * s;
            } else if (plant == 4) {
                in.x[rng.below(size)] = c + 2.0 * s;
                in.x[rng.below(size)] = c + 2.0 * s;
            }
        }
        return in;
    }
    // out = {min, max}; both start as NaN, so an output the candidate does not set fails.
    static void reset_output(const Input &, std::vector<double> &out) {
        out.assign(2, std::numeric_limits<double>::quiet_NaN());
    }
    static void candidate(const Input &in, std::vector<double> &out) { min_max(in.x, out[0], out[1]); }
    static void baseline(const Input &in, std::vector<double> &out) { hpceval_baseline_min_max(in.x, out[0], out[1]); }
};

HPCEVAL_MAIN(MinMaxProblem)
