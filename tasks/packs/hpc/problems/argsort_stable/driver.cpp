// Driver of the argsort_stable problem: the permutation that sorts x ascending, ties by index.
// size -> n = size. Half of the values are uniform in [-1000, 1000); the other half are
// multiples of 0.5 in a range of about n / 8 distinct values (many ties), and about one value
// in 64 is 0.0 or -0.0 (which compare equal).
#include "hpceval_driver.hpp"

#include <cstdint>
#include <vector>

void argsort_stable(const std::vector<double> &x, std::vector<int64_t> &perm);
void hpceval_baseline_argsort_stable(const std::vector<double> &x, std::vector<int64_t> &perm);

struct ArgsortStableProblem {
    struct Input {
        std::vector<double> x;
        template <class F> void fields(F &&f) { f(x); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.x.resize(size);
        const std::uint64_t half_range = 1 + size / 16;
        for (double &v : in.x) {
            const std::uint64_t kind = rng.below(64);
            if (kind == 0) v = rng.below(2) ? -0.0 : 0.0;
            else if (kind < 32) v = rng.uniform(-1000.0, 1000.0);
            else v = 0.5 * (static_cast<double>(rng.below(2 * half_range + 1)) - static_cast<double>(half_range));
        }
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.x.size(), -1.0); }
    // The entry point fills an int64_t permutation (arbitrary contents on entry); out holds it as doubles.
    static void candidate(const Input &in, std::vector<double> &out) {
        std::vector<int64_t> perm(in.x.size(), -1);
        argsort_stable(in.x, perm);
        out.assign(perm.begin(), perm.end());
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        std::vector<int64_t> perm(in.x.size(), -1);
        hpceval_baseline_argsort_stable(in.x, perm);
        out.assign(perm.begin(), perm.end());
    }
};

HPCEVAL_MAIN(ArgsortStableProblem)
