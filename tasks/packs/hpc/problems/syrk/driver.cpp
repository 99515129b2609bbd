// Driver of the syrk problem: C = A^T A for a dense row-major m x n matrix A; C is n x n (full).
// size -> n = size columns, m = size + size / 4 + 3 rows (a tall A, never square, so a product
// taken the wrong way round (A A^T, m x m) is caught).
#include "hpceval_driver.hpp"

#include <vector>

void syrk(const std::vector<double> &A, std::vector<double> &C, size_t m, size_t n);
void hpceval_baseline_syrk(const std::vector<double> &A, std::vector<double> &C, size_t m, size_t n);

struct SyrkProblem {
    struct Input {
        std::size_t m = 0, n = 0;
        std::vector<double> A;
        std::vector<double> C0;  // arbitrary contents of C on entry; must be overwritten
        template <class F> void fields(F &&f) { f(m); f(n); f(A); f(C0); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.n = size;
        in.m = size + size / 4 + 3;
        in.A.resize(in.m * in.n);
        in.C0.resize(in.n * in.n);
        hpceval::fill_uniform(in.A, rng);
        hpceval::fill_uniform(in.C0, rng, 100.0, 1000.0);
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.C0.begin(), in.C0.end()); }
    static void candidate(const Input &in, std::vector<double> &out) { syrk(in.A, out, in.m, in.n); }
    static void baseline(const Input &in, std::vector<double> &out) { hpceval_baseline_syrk(in.A, out, in.m, in.n); }
};

HPCEVAL_MAIN(SyrkProblem)
