// Driver of the sort_doubles problem: sort a vector of doubles ascending, in place.
// size -> n = size. Each element is, with probability
//   5/8   uniform in [-1000, 1000)
//   1/8   u * 2^e, u uniform in [-1, 1), e uniform in [-1070, 999] (subnormal to ~1e300, both signs)
//   1/16  a copy of a random earlier element (repeated values)
//   1/8   its predecessor moved by 1..4 ulps up or down (neighbours that are equal in single precision)
//   1/16  -0.0 or +0.0
// (the first element is always one of the uniform kinds).
#include "hpceval_driver.hpp"

#include <cmath>
#include <vector>

void sort_doubles(std::vector<double> &x);
void hpceval_baseline_sort_doubles(std::vector<double> &x);

struct SortDoublesProblem {
    struct Input {
        std::vector<double> x;
        template <class F> void fields(F &&f) { f(x); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.x.resize(size);
        for (std::size_t i = 0; i < size; ++i) {
            const std::uint64_t r = rng.below(16);
            double v;
            if (r < 10 || (i == 0 && r >= 12)) {
                v = rng.uniform(-1000.0, 1000.0);
            } else if (r < 12) {
                v = std::ldexp(rng.uniform(), static_cast<int>(rng.below(2070)) - 1070);
            } else if (r == 12) {
                v = in.x[rng.below(i)];
            } else if (r < 15) {
                v = in.x[i - 1];
                const double toward = rng.below(2) ? HUGE_VAL : -HUGE_VAL;
                for (std::uint64_t k = 1 + rng.below(4); k > 0; --k) v = std::nextafter(v, toward);
            } else {
                v = rng.below(2) ? -0.0 : 0.0;
            }
            in.x[i] = v;
        }
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.x.begin(), in.x.end()); }
    static void candidate(const Input &, std::vector<double> &out) { sort_doubles(out); }
    static void baseline(const Input &, std::vector<double> &out) { hpceval_baseline_sort_doubles(out); }
};

HPCEVAL_MAIN(SortDoublesProblem)
