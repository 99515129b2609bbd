// Driver of the prefix_max problem: y[i] = max(x[0..i]).
// size -> n = size. x is a random walk with upward drift (level += uniform[-1, 1.5)) plus noise in
// [-3, 3), starting at -100 - 10 * rng.unit(): the first few hundred values are all negative, the
// running maximum rises often but not at every element, and it sits on plateaus behind rare spikes
// (1 in 512 elements is 40 above the level). One element in 8 repeats its predecessor. Every value
// carries fine fraction bits, so a float running maximum is wrong.
#include "hpceval_driver.hpp"

#include <vector>

void prefix_max(const std::vector<double> &x, std::vector<double> &y);
void hpceval_baseline_prefix_max(const std::vector<double> &x, std::vector<double> &y);

struct PrefixMaxProblem {
    struct Input {
        std::vector<double> x;
        template <class F> void fields(F &&f) { f(x); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.x.resize(size);
        double level = -100.0 - 10.0 * rng.unit();
        for (std::size_t i = 0; i < size; ++i) {
            const std::uint64_t r = rng.below(512);
            level += rng.uniform(-1.0, 1.5);
            if (i > 0 && r < 64) in.x[i] = in.x[i - 1];
            else if (r == 511) in.x[i] = level + 40.0 + rng.unit();
            else in.x[i] = level + rng.uniform(-3.0, 3.0);
        }
        return in;
    }
    // y's contents on entry are arbitrary: here a value above every running maximum.
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.x.size(), 1.0e300); }
    static void candidate(const Input &in, std::vector<double> &out) { prefix_max(in.x, out); }
    static void baseline(const Input &in, std::vector<double> &out) { hpceval_baseline_prefix_max(in.x, out); }
};

HPCEVAL_MAIN(PrefixMaxProblem)
