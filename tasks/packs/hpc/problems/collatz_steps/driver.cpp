// Driver of the collatz_steps problem: the number of Collatz steps to reach 1 for every value.
// size -> n = size values. The values grow along the array: value i has a bit length drawn
// uniformly from 1 .. 1 + 32 i / n (then a uniform value of that length, so 1 <= value < 2^32),
// and about one value in 64 is a power of two up to 2^32. The work per value therefore ranges from
// nothing to hundreds of steps, and the second half of the array costs far more than the first.
// The step counts are compared exactly.
#include "hpceval_driver.hpp"

#include <cstdint>
#include <vector>

void collatz_steps(const std::vector<uint64_t> &values, std::vector<int> &steps);
void hpceval_baseline_collatz_steps(const std::vector<uint64_t> &values, std::vector<int> &steps);

struct CollatzStepsProblem {
    struct Input {
        std::vector<std::uint64_t> values;
        template <class F> void fields(F &&f) { f(values); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.values.resize(size);
        for (std::size_t i = 0; i < size; ++i) {
            if (rng.below(64) == 0) {
                in.values[i] = std::uint64_t{1} << rng.below(33);
                continue;
            }
            const std::uint64_t top = 1 + (32 * static_cast<std::uint64_t>(i)) / size;  // 1 .. 32
            const std::uint64_t bits = 1 + rng.below(top);
            const std::uint64_t lo = std::uint64_t{1} << (bits - 1);
            in.values[i] = lo + rng.below(lo);
        }
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.values.size(), -1.0); }
    static void candidate(const Input &in, std::vector<double> &out) {
        std::vector<int> steps(in.values.size(), -1);
        collatz_steps(in.values, steps);
        out.assign(steps.begin(), steps.end());
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        std::vector<int> steps(in.values.size(), -1);
        hpceval_baseline_collatz_steps(in.values, steps);
        out.assign(steps.begin(), steps.end());
    }
};

HPCEVAL_MAIN(CollatzStepsProblem)
