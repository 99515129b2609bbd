// Driver of the count_in_range problem: how many x[i] lie in [lo, hi].
// size -> n = size elements. The range is, with probability 1/8 each: empty (lo > hi); a single
// value (lo = hi); everything (lo = INT32_MIN, hi = INT32_MAX); [INT32_MIN, h]; otherwise (1/2) two
// random bounds in [-1000, 1000], ordered (always so above a million elements: the timed inputs).
// Each element is lo (1/32), hi (1/32), an extreme value INT32_MIN, INT32_MIN + 1, INT32_MAX - 1 or
// INT32_MAX (1/32), else uniform in [-1000, 1000]; so both bounds occur often and inclusive/exclusive
// mix-ups show.
#include "hpceval_driver.hpp"

#include <cstdint>
#include <limits>
#include <vector>

int64_t count_in_range(const std::vector<int32_t> &x, int32_t lo, int32_t hi);
int64_t hpceval_baseline_count_in_range(const std::vector<int32_t> &x, int32_t lo, int32_t hi);

struct CountInRangeProblem {
    struct Input {
        std::int32_t lo = 0, hi = 0;
        std::vector<std::int32_t> x;
        template <class F> void fields(F &&f) { f(lo); f(hi); f(x); }
    };

    static std::int32_t small(hpceval::Rng &rng) { return static_cast<std::int32_t>(rng.below(2001)) - 1000; }

    static Input generate(std::size_t size, std::uint64_t seed) {
        constexpr std::int32_t MIN = std::numeric_limits<std::int32_t>::min();
        constexpr std::int32_t MAX = std::numeric_limits<std::int32_t>::max();
        hpceval::Rng rng(seed);
        Input in;
        // Timing sizes (over a million elements) always take two random bounds: an empty range is answered
        // without reading x, and a timed call must count.
        const std::uint64_t shape = rng.below(8);
        switch (size > 1000000 ? 7 : shape) {
        case 0:  // empty
            in.lo = small(rng);
            in.hi = in.lo - 1 - static_cast<std::int32_t>(rng.below(1000));
            break;
        case 1:  // one value
            in.lo = in.hi = small(rng);
            break;
        case 2:  // everything
            in.lo = MIN;
            in.hi = MAX;
            break;
        case 3:  // from the bottom of the type
            in.lo = MIN;
            in.hi = small(rng);
            break;
        default: {
            const std::int32_t a = small(rng), b = small(rng);
            in.lo = a < b ? a : b;
            in.hi = a < b ? b : a;
        }
        }
        static const std::int32_t extremes[4] = {MIN, MIN + 1, MAX - 1, MAX};
        in.x.resize(size);
        for (std::int32_t &v : in.x) {
            const std::uint64_t r = rng.below(32);
            v = r == 0 ? in.lo : r == 1 ? in.hi : r == 2 ? extremes[rng.below(4)] : small(rng);
        }
        return in;
    }
    // The output is the returned count, as a double (exact below 2^53).
    static void reset_output(const Input &, std::vector<double> &out) {
        out.assign(1, std::numeric_limits<double>::quiet_NaN());
    }
    static void candidate(const Input &in, std::vector<double> &out) {
        out[0] = static_cast<double>(count_in_range(in.x, in.lo, in.hi));
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        out[0] = static_cast<double>(hpceval_baseline_count_in_range(in.x, in.lo, in.hi));
    }
};

HPCEVAL_MAIN(CountInRangeProblem)
