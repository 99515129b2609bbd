// Driver of the first_match problem: the smallest index i with x[i] == target, or -1.
// size -> n = size. Values are uniform in [0, 2^20) except the target (also drawn from that range,
// so target - 1 and target + 1 occur often); the target itself is planted by seed % 4:
//   0: absent (the answer is -1);
//   1: once, at a uniform position in the last third of the array;
//   2: first at a position in [0.4 n, 0.5 n), again just after 0.5 n, and a few more times later
//      (a parallel scan must not return a later match found first);
//   3: only as the last element.
// The result (an int64_t) is the output's single element.
#include "hpceval_driver.hpp"

#include <cstdint>
#include <vector>

int64_t first_match(const std::vector<int32_t> &x, int32_t target);
int64_t hpceval_baseline_first_match(const std::vector<int32_t> &x, int32_t target);

struct FirstMatchProblem {
    struct Input {
        std::int32_t target = 0;
        std::vector<std::int32_t> x;
        template <class F> void fields(F &&f) { f(target); f(x); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        const std::size_t n = size;
        constexpr std::uint64_t RANGE = std::uint64_t{1} << 20;
        in.target = static_cast<std::int32_t>(rng.below(RANGE));
        in.x.resize(n);
        for (std::int32_t &v : in.x) {
            v = static_cast<std::int32_t>(rng.below(RANGE - 1));
            if (v >= in.target) ++v;  // uniform over the range without the target
        }
        if (n == 0) return in;
        switch (seed % 4) {
        case 0:
            break;
        case 1:
            in.x[n - 1 - rng.below(n / 3 + 1)] = in.target;
            break;
        case 2: {
            const std::size_t first = (2 * n) / 5 + rng.below(n / 10 + 1);
            in.x[first < n ? first : n - 1] = in.target;
            const std::size_t second = n / 2 + 1 + rng.below(n / 64 + 1);
            if (second < n) in.x[second] = in.target;
            for (int extra = 0; extra < 4; ++extra) {
                const std::size_t at = n / 2 + rng.below(n - n / 2);
                if (at > first) in.x[at] = in.target;
            }
            break;
        }
        default:
            in.x[n - 1] = in.target;
            break;
        }
        return in;
    }
    static void reset_output(const Input &, std::vector<double> &out) { out.assign(1, -2.0); }
    static void candidate(const Input &in, std::vector<double> &out) {
        out.assign(1, static_cast<double>(first_match(in.x, in.target)));
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        out.assign(1, static_cast<double>(hpceval_baseline_first_match(in.x, in.target)));
    }
};

HPCEVAL_MAIN(FirstMatchProblem)
