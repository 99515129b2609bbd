// Driver of the trsv_lower problem: solve L x = b by forward substitution, L dense lower-triangular
// n x n stored row-major in a full n x n array (the strictly upper triangle holds garbage that must
// not be used). size -> n = size.
// The strictly lower entries are mostly negative (15 in 16 are in (-1, 0], the rest in [0, 1)) and the
// diagonal is 1 + rand[0, 1) + the row's sum of |off-diagonal|, with a random sign in one row of 8
// (strict row diagonal dominance: well-conditioned); b is uniform in [-0.5, 1.5). With mostly positive
// x the off-diagonal sum carries most of every x[i], so a dropped term or a single-precision sum shows.
#include "hpceval_driver.hpp"

#include <cmath>
#include <vector>

void trsv_lower(const std::vector<double> &L, const std::vector<double> &b, std::vector<double> &x, size_t n);
void hpceval_baseline_trsv_lower(const std::vector<double> &L, const std::vector<double> &b, std::vector<double> &x,
                                 size_t n);

struct TrsvLowerProblem {
    struct Input {
        std::size_t n = 0;
        std::vector<double> L, b;
        std::vector<double> x0;  // arbitrary contents of x on entry; must be overwritten
        template <class F> void fields(F &&f) { f(n); f(L); f(b); f(x0); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        const std::size_t n = size;
        in.n = n;
        in.L.resize(n * n);
        for (std::size_t i = 0; i < n; ++i) {
            double *row = in.L.data() + i * n;
            double offsum = 0.0;
            for (std::size_t j = 0; j < i; ++j) {
                const std::uint64_t r = rng.next_u64();
                const double mag = static_cast<double>(r >> 11) * 0x1.0p-53;
                row[j] = (r & 15) == 0 ? mag : -mag;
                offsum += mag;
            }
            const double diag = 1.0 + rng.unit() + offsum;
            row[i] = rng.below(8) == 0 ? -diag : diag;
            // The strictly upper triangle is not part of L: large garbage a correct solver never reads.
            for (std::size_t j = i + 1; j < n; ++j) row[j] = 1.0e3 + static_cast<double>(j - i);
        }
        in.b.resize(n);
        in.x0.resize(n);
        hpceval::fill_uniform(in.b, rng, -0.5, 1.5);
        hpceval::fill_uniform(in.x0, rng, 100.0, 1000.0);
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.x0.begin(), in.x0.end()); }
    static void candidate(const Input &in, std::vector<double> &out) { trsv_lower(in.L, in.b, out, in.n); }
    static void baseline(const Input &in, std::vector<double> &out) {
        hpceval_baseline_trsv_lower(in.L, in.b, out, in.n);
    }
};

HPCEVAL_MAIN(TrsvLowerProblem)
