// Driver of the axpy problem: y = alpha * x + y; size = vector length.
#include "hpceval_driver.hpp"

#include <vector>

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y);
void hpceval_baseline_axpy(double alpha, const std::vector<double> &x, std::vector<double> &y);

struct AxpyProblem {
    struct Input {
        double alpha = 0.0;
        std::vector<double> x, y;
        template <class F> void fields(F &&f) { f(alpha); f(x); f(y); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.alpha = rng.uniform(-2.0, 2.0);
        in.x.resize(size);
        in.y.resize(size);
        hpceval::fill_uniform(in.x, rng);
        hpceval::fill_uniform(in.y, rng);
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.y.begin(), in.y.end()); }
    static void candidate(const Input &in, std::vector<double> &out) { axpy(in.alpha, in.x, out); }
    static void baseline(const Input &in, std::vector<double> &out) { hpceval_baseline_axpy(in.alpha, in.x, out); }
};

HPCEVAL_MAIN(AxpyProblem)
