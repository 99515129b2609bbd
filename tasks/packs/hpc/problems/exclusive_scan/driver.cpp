// Driver of the exclusive_scan problem: y[0] = 0, y[i] = x[0] + ... + x[i - 1] in double precision.
// size -> n = size. x[i] is uniform in (0, 1]: with positive terms every summation order gives a
// relative error of at most about n * 2^-53 per prefix sum (typically far less), while a
// single-precision sum is off by more than 1e-7 within a few elements.
#include "hpceval_driver.hpp"

#include <vector>

void exclusive_scan(const std::vector<double> &x, std::vector<double> &y);
void hpceval_baseline_exclusive_scan(const std::vector<double> &x, std::vector<double> &y);

struct ExclusiveScanProblem {
    struct Input {
        std::vector<double> x;
        template <class F> void fields(F &&f) { f(x); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.x.resize(size);
        for (double &v : in.x) v = 1.0 - rng.unit();  // (0, 1]
        return in;
    }
    // y's contents on entry are arbitrary: here a negative value that no prefix sum takes.
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.x.size(), -12345.5); }
    static void candidate(const Input &in, std::vector<double> &out) { exclusive_scan(in.x, out); }
    static void baseline(const Input &in, std::vector<double> &out) { hpceval_baseline_exclusive_scan(in.x, out); }
};

HPCEVAL_MAIN(ExclusiveScanProblem)
