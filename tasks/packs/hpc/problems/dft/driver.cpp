// Driver of the dft problem: the forward DFT of n complex numbers (interleaved re, im) for any
// n >= 1. size -> n = size; entries uniform in [-1, 1); y holds garbage on entry. Fast algorithms
// (Bluestein, mixed radix) spread their rounding error over the whole output, so the check compares
// every value with atol + rtol * (the largest |value| of the baseline's output).
#include "hpceval_driver.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

void dft(const std::vector<double> &x, std::vector<double> &y, size_t n);
void hpceval_baseline_dft(const std::vector<double> &x, std::vector<double> &y, size_t n);

struct DftProblem {
    struct Input {
        std::size_t n = 0;
        std::vector<double> x;   // 2n doubles: the input vector, interleaved
        std::vector<double> y0;  // arbitrary contents of y on entry; must be overwritten
        template <class F> void fields(F &&f) { f(n); f(x); f(y0); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.n = size;
        in.x.resize(2 * size);
        in.y0.resize(2 * size);
        hpceval::fill_uniform(in.x, rng);
        hpceval::fill_uniform(in.y0, rng, 100.0, 1000.0);
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.y0.begin(), in.y0.end()); }
    static void candidate(const Input &in, std::vector<double> &out) { dft(in.x, out, in.n); }
    static void baseline(const Input &in, std::vector<double> &out) { hpceval_baseline_dft(in.x, out, in.n); }
#ifndef HPCEVAL_WORKER  // the worker stub never judges outputs
    static hpceval::Comparison check(const Input &, const std::vector<double> &cand, const std::vector<double> &base,
                                     double rtol, double atol) {
        double scale = 0.0;
        for (const double v : base) scale = std::max(scale, std::fabs(v));
        return hpceval::compare(cand, base, 0.0, atol + rtol * scale);
    }
#endif
};

HPCEVAL_MAIN(DftProblem)
