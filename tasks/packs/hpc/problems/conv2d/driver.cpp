// Driver of the conv2d problem: 2-D convolution (cross-correlation, kernel not flipped) of an
// m x n image with a k x k kernel, zero padding, output of the same size.
// size -> m = size rows, n = size + 2 columns, k = 3, 5 or 7 for size % 3 = 0, 1, 2 (the timed
// size has k = 5). Image values are uniform in [0, 1), kernel weights in [-1, 1) (not symmetric,
// so a flipped kernel is caught); out holds arbitrary values on entry.
#include "hpceval_driver.hpp"

#include <vector>

void conv2d(const std::vector<double> &image, size_t m, size_t n, const std::vector<double> &kernel, size_t k,
            std::vector<double> &out);
void hpceval_baseline_conv2d(const std::vector<double> &image, size_t m, size_t n, const std::vector<double> &kernel,
                             size_t k, std::vector<double> &out);

struct Conv2dProblem {
    struct Input {
        std::size_t m = 0, n = 0, k = 0;
        std::vector<double> image, kernel;
        std::vector<double> out0;  // arbitrary contents of out on entry; must be overwritten
        template <class F> void fields(F &&f) { f(m); f(n); f(k); f(image); f(kernel); f(out0); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.m = size;
        in.n = size + 2;
        in.k = 3 + 2 * (size % 3);
        in.image.resize(in.m * in.n);
        in.kernel.resize(in.k * in.k);
        in.out0.resize(in.m * in.n);
        hpceval::fill_uniform(in.image, rng, 0.0, 1.0);
        hpceval::fill_uniform(in.kernel, rng);
        hpceval::fill_uniform(in.out0, rng, 100.0, 1000.0);
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) {
        out.assign(in.out0.begin(), in.out0.end());
    }
    static void candidate(const Input &in, std::vector<double> &out) {
        conv2d(in.image, in.m, in.n, in.kernel, in.k, out);
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        hpceval_baseline_conv2d(in.image, in.m, in.n, in.kernel, in.k, out);
    }
};

HPCEVAL_MAIN(Conv2dProblem)
