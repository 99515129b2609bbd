// Driver of the fft_forward problem: the in-place forward DFT of n complex numbers (interleaved
// re, im), n a power of two. size -> n = size (rounded down to a power of two); entries uniform in
// [-1, 1). An FFT's rounding error scales with the whole output, not with each element (an output
// near zero carries the same absolute error as a large one), so the check compares every value
// with atol + rtol * (the largest |value| of the baseline's output).
#include "hpceval_driver.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

void fft_forward(std::vector<double> &data, size_t n);
void hpceval_baseline_fft_forward(std::vector<double> &data, size_t n);

struct FftForwardProblem {
    struct Input {
        std::size_t n = 0;
        std::vector<double> x;  // 2n doubles: the input vector, interleaved
        template <class F> void fields(F &&f) { f(n); f(x); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.n = 1;
        while (2 * in.n <= size) in.n *= 2;
        in.x.resize(2 * in.n);
        hpceval::fill_uniform(in.x, rng);
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.x.begin(), in.x.end()); }
    static void candidate(const Input &in, std::vector<double> &out) { fft_forward(out, in.n); }
    static void baseline(const Input &in, std::vector<double> &out) { hpceval_baseline_fft_forward(out, in.n); }
#ifndef HPCEVAL_WORKER  // the worker stub never judges outputs
    static hpceval::Comparison check(const Input &, const std::vector<double> &cand, const std::vector<double> &base,
                                     double rtol, double atol) {
        double scale = 0.0;
        for (const double v : base) scale = std::max(scale, std::fabs(v));
        return hpceval::compare(cand, base, 0.0, atol + rtol * scale);
    }
#endif
};

HPCEVAL_MAIN(FftForwardProblem)
