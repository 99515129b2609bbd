// Driver of the argmax_abs problem: the first index of the largest |x[i]|.
// size -> n = size elements, each k / 1024 for a uniform integer k in [-1024, 1024] (so the
// magnitude 1 occurs about n / 1025 times, with both signs: ties from a few thousand elements up).
// Then one of five cases, chosen at random: nothing more; a unique +-2 at the first index; at the
// last index; at a random index; +-2 and -+2 at two random distinct indices (a tie of opposite
// signs, whose earlier index is the answer).
#include "hpceval_driver.hpp"

#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

size_t argmax_abs(const std::vector<double> &x);
size_t hpceval_baseline_argmax_abs(const std::vector<double> &x);

struct ArgmaxAbsProblem {
    struct Input {
        std::vector<double> x;
        template <class F> void fields(F &&f) { f(x); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.x.resize(size);
        for (double &v : in.x) v = static_cast<double>(static_cast<std::int64_t>(rng.below(2049)) - 1024) / 1024.0;
        const std::uint64_t plant = rng.below(5);
        const double sign = rng.below(2) ? 2.0 : -2.0;
        if (size >= 2 && plant == 1) {
            in.x[0] = sign;
        } else if (size >= 2 && plant == 2) {
            in.x[size - 1] = sign;
        } else if (size >= 2 && plant == 3) {
            in.x[rng.below(size)] = sign;
        } else if (size >= 2 && plant == 4) {
            std::size_t i = rng.below(size), j = rng.below(size - 1);
            if (j >= i) ++j;
            in.x[i] = sign;
            in.x[j] = -sign;
        }
        return in;
    }
    // The output is the returned index, as a double (exact below 2^53).
    static void reset_output(const Input &, std::vector<double> &out) {
        out.assign(1, std::numeric_limits<double>::quiet_NaN());
    }
    static void candidate(const Input &in, std::vector<double> &out) {
        out[0] = static_cast<double>(argmax_abs(in.x));
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        out[0] = static_cast<double>(hpceval_baseline_argmax_abs(in.x));
    }
};

HPCEVAL_MAIN(ArgmaxAbsProblem)
