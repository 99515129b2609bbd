// Driver of the gemm problem: C = A B, row-major, A m x k, B k x n.
// size -> m = size, k = size + 3, n = size + 1 (not square, so swapped dimensions are caught).
#include "hpceval_driver.hpp"

#include <vector>

void gemm(const std::vector<double> &A, const std::vector<double> &B, std::vector<double> &C, size_t m, size_t k,
          size_t n);
void hpceval_baseline_gemm(const std::vector<double> &A, const std::vector<double> &B, std::vector<double> &C,
                           size_t m, size_t k, size_t n);

struct GemmProblem {
    struct Input {
        std::size_t m = 0, k = 0, n = 0;
        std::vector<double> A, B;
        std::vector<double> C0;  // arbitrary contents of C on entry; must be overwritten
        template <class F> void fields(F &&f) { f(m); f(k); f(n); f(A); f(B); f(C0); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.m = size;
        in.k = size + 3;
        in.n = size + 1;
        in.A.resize(in.m * in.k);
        in.B.resize(in.k * in.n);
        in.C0.resize(in.m * in.n);
        hpceval::fill_uniform(in.A, rng);
        hpceval::fill_uniform(in.B, rng);
        hpceval::fill_uniform(in.C0, rng, 100.0, 1000.0);
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.C0.begin(), in.C0.end()); }
    static void candidate(const Input &in, std::vector<double> &out) { gemm(in.A, in.B, out, in.m, in.k, in.n); }
    static void baseline(const Input &in, std::vector<double> &out) {
        hpceval_baseline_gemm(in.A, in.B, out, in.m, in.k, in.n);
    }
};

HPCEVAL_MAIN(GemmProblem)
