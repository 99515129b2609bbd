// Driver of the top_k problem: the k largest values of x in descending order.
// size -> n = size, k = min(n, 3 + n / 5000). The values are j * 0.7310585786300049 - shift for an
// integer j drawn from about n / 4 choices, so values repeat about 4 times (duplicates among the
// largest too), are negative and positive, and use the full double mantissa. Depending on the
// seed, the first element (seed % 3 == 2) or the last one (seed % 3 == 1) is made the maximum.
#include "hpceval_driver.hpp"

#include <algorithm>
#include <vector>

void top_k(const std::vector<double> &x, size_t k, std::vector<double> &out);
void hpceval_baseline_top_k(const std::vector<double> &x, size_t k, std::vector<double> &out);

struct TopKProblem {
    struct Input {
        std::size_t k = 0;
        std::vector<double> x;
        template <class F> void fields(F &&f) { f(k); f(x); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.k = std::min<std::size_t>(size, 3 + size / 5000);
        in.x.resize(size);
        const std::uint64_t range = 8 + size / 4;
        const double shift = 0.5 * static_cast<double>(range) * 0.7310585786300049;
        double top = -1e300;
        for (double &v : in.x) {
            v = static_cast<double>(rng.below(range)) * 0.7310585786300049 - shift;
            top = std::max(top, v);
        }
        if (size > 0 && seed % 3 != 0) in.x[seed % 3 == 1 ? size - 1 : 0] = top + 0.25;
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.k, 1e300); }
    static void candidate(const Input &in, std::vector<double> &out) { top_k(in.x, in.k, out); }
    static void baseline(const Input &in, std::vector<double> &out) { hpceval_baseline_top_k(in.x, in.k, out); }
};

HPCEVAL_MAIN(TopKProblem)
