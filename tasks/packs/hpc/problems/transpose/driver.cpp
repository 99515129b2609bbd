// Driver of the transpose problem: B = A^T for a dense row-major m x n matrix A (B is n x m).
// size -> m = size rows, n = size + 7 columns (never square, so swapped dimensions are caught).
#include "hpceval_driver.hpp"

#include <vector>

void transpose(const std::vector<double> &A, std::vector<double> &B, size_t m, size_t n);
void hpceval_baseline_transpose(const std::vector<double> &A, std::vector<double> &B, size_t m, size_t n);

struct TransposeProblem {
    struct Input {
        std::size_t m = 0, n = 0;
        std::vector<double> A;
        template <class F> void fields(F &&f) { f(m); f(n); f(A); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.m = size;
        in.n = size + 7;
        in.A.resize(in.m * in.n);
        hpceval::fill_uniform(in.A, rng);
        return in;
    }
    // B's contents on entry are arbitrary: a value no element of A can have (A is in [-1, 1)).
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.m * in.n, 1000.0); }
    static void candidate(const Input &in, std::vector<double> &out) { transpose(in.A, out, in.m, in.n); }
    static void baseline(const Input &in, std::vector<double> &out) {
        hpceval_baseline_transpose(in.A, out, in.m, in.n);
    }
};

HPCEVAL_MAIN(TransposeProblem)
