// Driver of the circular_convolution problem: c = a (*) b for two real vectors of power-of-two
// length n. size -> n = size (rounded down to a power of two); a and b uniform in [-1, 1); c holds
// garbage on entry. Computed with FFTs, every output carries a rounding error proportional to the
// largest output (not to its own size), so the check compares every value with
// atol + rtol * (the largest |value| of the baseline's output).
#include "hpceval_driver.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

void circular_convolution(const std::vector<double> &a, const std::vector<double> &b, std::vector<double> &c,
                          size_t n);
void hpceval_baseline_circular_convolution(const std::vector<double> &a, const std::vector<double> &b,
                                           std::vector<double> &c, size_t n);

struct CircularConvolutionProblem {
    struct Input {
        std::size_t n = 0;
        std::vector<double> a, b;
        std::vector<double> c0;  // arbitrary contents of c on entry; must be overwritten
        template <class F> void fields(F &&f) { f(n); f(a); f(b); f(c0); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.n = 1;
        while (2 * in.n <= size) in.n *= 2;
        in.a.resize(in.n);
        in.b.resize(in.n);
        in.c0.resize(in.n);
        hpceval::fill_uniform(in.a, rng);
        hpceval::fill_uniform(in.b, rng);
        hpceval::fill_uniform(in.c0, rng, 100.0, 1000.0);
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.c0.begin(), in.c0.end()); }
    static void candidate(const Input &in, std::vector<double> &out) { circular_convolution(in.a, in.b, out, in.n); }
    static void baseline(const Input &in, std::vector<double> &out) {
        hpceval_baseline_circular_convolution(in.a, in.b, out, in.n);
    }
#ifndef HPCEVAL_WORKER  // the worker stub never judges outputs
    static hpceval::Comparison check(const Input &, const std::vector<double> &cand, const std::vector<double> &base,
                                     double rtol, double atol) {
        double scale = 0.0;
        for (const double v : base) scale = std::max(scale, std::fabs(v));
        return hpceval::compare(cand, base, 0.0, atol + rtol * scale);
    }
#endif
};

HPCEVAL_MAIN(CircularConvolutionProblem)
