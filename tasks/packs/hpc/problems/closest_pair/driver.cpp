// Driver of the closest_pair problem: the smallest Euclidean distance between two distinct points
// (distinct indices; the points themselves may coincide) of a 2-D point set.
// size -> n = size points (size >= 2). Every input draws one of these layouts (the last two only when
// n < 20000, where a quadratic scan of a column stays cheap):
//   0: uniform in [-1000, 1000)^2 (the closest pair is wherever chance puts it);
//   1: uniform, plus a planted pair: a random point gets a partner at a tiny distance (1e-7..2e-7 times
//      the box), half of the time at the point with the largest x (the last one in x order);
//   2: integer grid coordinates in [0, g)^2, g about 2 sqrt(n) (duplicates, so often distance 0,
//      plus long runs of equal x);
//   3: a few tight clusters of radius 1 around random centres (many near-ties).
// The answer is returned in out[0].
#include "hpceval_driver.hpp"

#include <cmath>
#include <vector>

double closest_pair(const std::vector<double> &x, const std::vector<double> &y);
double hpceval_baseline_closest_pair(const std::vector<double> &x, const std::vector<double> &y);

struct ClosestPairProblem {
    struct Input {
        std::vector<double> x, y;
        template <class F> void fields(F &&f) { f(x); f(y); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        const std::size_t n = size < 2 ? 2 : size;
        Input in;
        in.x.resize(n);
        in.y.resize(n);
        const std::uint64_t layout = rng.below(n < 20000 ? 4 : 2);
        if (layout <= 1) {
            hpceval::fill_uniform(in.x, rng, -1000.0, 1000.0);
            hpceval::fill_uniform(in.y, rng, -1000.0, 1000.0);
            if (layout == 1) {
                std::size_t a = rng.below(n);
                if (rng.below(2) == 0)
                    for (std::size_t i = 0; i < n; ++i)
                        if (in.x[i] > in.x[a]) a = i;
                std::size_t b = rng.below(n - 1);
                if (b >= a) ++b;
                const double r = 2000.0 * 1e-7 * (1.0 + rng.unit()), t = 6.283185307179586 * rng.unit();
                in.x[b] = in.x[a] + r * std::cos(t);
                in.y[b] = in.y[a] + r * std::sin(t);
            }
        } else if (layout == 2) {
            const std::uint64_t g = 2 + static_cast<std::uint64_t>(2.0 * std::sqrt(static_cast<double>(n)));
            for (std::size_t i = 0; i < n; ++i) {
                in.x[i] = static_cast<double>(rng.below(g));
                in.y[i] = static_cast<double>(rng.below(g));
            }
        } else {
            const std::size_t clusters = 1 + rng.below(5);
            std::vector<double> cx(clusters), cy(clusters);
            hpceval::fill_uniform(cx, rng, -1000.0, 1000.0);
            hpceval::fill_uniform(cy, rng, -1000.0, 1000.0);
            for (std::size_t i = 0; i < n; ++i) {
                const std::size_t c = rng.below(clusters);
                in.x[i] = cx[c] + rng.uniform();
                in.y[i] = cy[c] + rng.uniform();
            }
        }
        return in;
    }
    static void reset_output(const Input &, std::vector<double> &out) { out.assign(1, -1.0); }
    static void candidate(const Input &in, std::vector<double> &out) { out[0] = closest_pair(in.x, in.y); }
    static void baseline(const Input &in, std::vector<double> &out) {
        out[0] = hpceval_baseline_closest_pair(in.x, in.y);
    }
};

HPCEVAL_MAIN(ClosestPairProblem)
