// Driver of the poly_eval problem: one polynomial of degree d evaluated at every element of x.
// size -> n = size elements, degree d = 16 + size % 17 (16..32; the timed size has d = 32).
// Coefficients are uniform in [-1, 1); x is uniform in [-1.05, 1.05) with about one element in 32
// replaced by an exact 0, 1, -1, 0.5 or -0.5; y holds a value no polynomial here reaches (1e300)
// on entry, so an element left unwritten is caught.
#include "hpceval_driver.hpp"

#include <vector>

void poly_eval(const std::vector<double> &coeffs, const std::vector<double> &x, std::vector<double> &y);
void hpceval_baseline_poly_eval(const std::vector<double> &coeffs, const std::vector<double> &x,
                                std::vector<double> &y);

struct PolyEvalProblem {
    struct Input {
        std::vector<double> coeffs, x;
        template <class F> void fields(F &&f) { f(coeffs); f(x); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        const std::size_t d = 16 + size % 17;
        in.coeffs.resize(d + 1);
        hpceval::fill_uniform(in.coeffs, rng);
        in.x.resize(size);
        hpceval::fill_uniform(in.x, rng, -1.05, 1.05);
        static const double special[5] = {0.0, 1.0, -1.0, 0.5, -0.5};
        for (double &v : in.x)
            if (rng.below(32) == 0) v = special[rng.below(5)];
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.x.size(), 1e300); }
    static void candidate(const Input &in, std::vector<double> &out) { poly_eval(in.coeffs, in.x, out); }
    static void baseline(const Input &in, std::vector<double> &out) {
        hpceval_baseline_poly_eval(in.coeffs, in.x, out);
    }
};

HPCEVAL_MAIN(PolyEvalProblem)
