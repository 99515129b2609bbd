// Driver of the spmm problem: C = A B with A sparse (m x k, CSR) and B dense (k x p, row-major).
// size -> m = size rows, k = size + size / 5 + 3 (A is not square), p = 8 + size % 25 columns of B
// and C (8..32, so the check sizes cover odd and even widths). Each row of A has 5..30 nonzeros at
// random distinct columns (sorted), except that about one row in 64 is empty; seven in eight column
// draws fall within +-1024 of the row's diagonal position i * k / m, the rest anywhere.
#include "hpceval_driver.hpp"

#include <algorithm>
#include <vector>

void spmm(size_t m, size_t k, size_t p, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
          const std::vector<double> &values, const std::vector<double> &B, std::vector<double> &C);
void hpceval_baseline_spmm(size_t m, size_t k, size_t p, const std::vector<size_t> &row_ptr,
                           const std::vector<size_t> &col_idx, const std::vector<double> &values,
                           const std::vector<double> &B, std::vector<double> &C);

struct SpmmProblem {
    struct Input {
        std::size_t m = 0, k = 0, p = 0;
        std::vector<std::size_t> row_ptr, col_idx;
        std::vector<double> values, B;
        std::vector<double> C0;  // arbitrary contents of C on entry; must be overwritten
        template <class F> void fields(F &&f) { f(m); f(k); f(p); f(row_ptr); f(col_idx); f(values); f(B); f(C0); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        const std::size_t m = size, k = size + size / 5 + 3, p = 8 + size % 25;
        in.m = m;
        in.k = k;
        in.p = p;
        in.row_ptr.assign(m + 1, 0);
        in.col_idx.reserve(m * 18);
        constexpr std::size_t BAND = 1024;
        std::size_t cols[32];
        for (std::size_t i = 0; i < m; ++i) {
            const std::size_t centre = i * k / m;
            const std::size_t lo = centre > BAND ? centre - BAND : 0, hi = std::min(k, centre + BAND + 1);
            std::size_t cnt = rng.below(64) == 0 ? 0 : 5 + rng.below(26);
            for (std::size_t c = 0; c < cnt; ++c) cols[c] = rng.below(8) != 0 ? lo + rng.below(hi - lo) : rng.below(k);
            std::sort(cols, cols + cnt);
            cnt = static_cast<std::size_t>(std::unique(cols, cols + cnt) - cols);
            in.col_idx.insert(in.col_idx.end(), cols, cols + cnt);
            in.row_ptr[i + 1] = in.col_idx.size();
        }
        in.values.resize(in.col_idx.size());
        in.B.resize(k * p);
        in.C0.resize(m * p);
        hpceval::fill_uniform(in.values, rng);
        hpceval::fill_uniform(in.B, rng);
        hpceval::fill_uniform(in.C0, rng, 100.0, 1000.0);
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.C0.begin(), in.C0.end()); }
    static void candidate(const Input &in, std::vector<double> &out) {
        spmm(in.m, in.k, in.p, in.row_ptr, in.col_idx, in.values, in.B, out);
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        hpceval_baseline_spmm(in.m, in.k, in.p, in.row_ptr, in.col_idx, in.values, in.B, out);
    }
};

HPCEVAL_MAIN(SpmmProblem)
