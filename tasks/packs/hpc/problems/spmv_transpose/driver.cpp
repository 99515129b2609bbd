// Driver of the spmv_transpose problem: y = A^T x with A (nrows x ncols) in CSR format.
// size -> nrows = size, ncols = size + size / 3 + 2 (not square, so swapped dimensions are caught).
// Each row has 5..30 nonzeros at random distinct columns (sorted), except that about one row in 64 is
// empty. Seven in eight column draws fall within +-1024 of the row's diagonal position i * ncols / nrows
// (the locality of typical PDE/graph matrices), the rest anywhere; columns c with c % 64 == 13 are never
// used, so those entries of y must come out exactly 0.
#include "hpceval_driver.hpp"

#include <algorithm>
#include <vector>

void spmv_transpose(size_t nrows, size_t ncols, const std::vector<size_t> &row_ptr,
                    const std::vector<size_t> &col_idx, const std::vector<double> &values,
                    const std::vector<double> &x, std::vector<double> &y);
void hpceval_baseline_spmv_transpose(size_t nrows, size_t ncols, const std::vector<size_t> &row_ptr,
                                     const std::vector<size_t> &col_idx, const std::vector<double> &values,
                                     const std::vector<double> &x, std::vector<double> &y);

struct SpmvTransposeProblem {
    struct Input {
        std::size_t nrows = 0, ncols = 0;
        std::vector<std::size_t> row_ptr, col_idx;
        std::vector<double> values, x;
        std::vector<double> y0;  // arbitrary contents of y on entry; must be overwritten
        template <class F> void fields(F &&f) { f(nrows); f(ncols); f(row_ptr); f(col_idx); f(values); f(x); f(y0); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        const std::size_t nrows = size, ncols = size + size / 3 + 2;
        in.nrows = nrows;
        in.ncols = ncols;
        in.row_ptr.assign(nrows + 1, 0);
        in.col_idx.reserve(nrows * 18);
        constexpr std::size_t BAND = 1024;
        std::size_t cols[32];
        for (std::size_t i = 0; i < nrows; ++i) {
            const std::size_t centre = i * ncols / nrows;
            const std::size_t lo = centre > BAND ? centre - BAND : 0, hi = std::min(ncols, centre + BAND + 1);
            std::size_t cnt = rng.below(64) == 0 ? 0 : 5 + rng.below(26);
            for (std::size_t c = 0; c < cnt; ++c) {
                std::size_t col = rng.below(8) != 0 ? lo + rng.below(hi - lo) : rng.below(ncols);
                if (col % 64 == 13) col = col + 1 < ncols ? col + 1 : col - 1;
                cols[c] = col;
            }
            std::sort(cols, cols + cnt);
            cnt = static_cast<std::size_t>(std::unique(cols, cols + cnt) - cols);
            in.col_idx.insert(in.col_idx.end(), cols, cols + cnt);
            in.row_ptr[i + 1] = in.col_idx.size();
        }
        in.values.resize(in.col_idx.size());
        in.x.resize(nrows);
        in.y0.resize(ncols);
        hpceval::fill_uniform(in.values, rng);
        hpceval::fill_uniform(in.x, rng);
        hpceval::fill_uniform(in.y0, rng, 100.0, 1000.0);
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.y0.begin(), in.y0.end()); }
    static void candidate(const Input &in, std::vector<double> &out) {
        spmv_transpose(in.nrows, in.ncols, in.row_ptr, in.col_idx, in.values, in.x, out);
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        hpceval_baseline_spmv_transpose(in.nrows, in.ncols, in.row_ptr, in.col_idx, in.values, in.x, out);
    }
};

HPCEVAL_MAIN(SpmvTransposeProblem)
