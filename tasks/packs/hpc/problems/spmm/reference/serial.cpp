// Serial reference of spmm: row-by-row linear combinations of B's rows, accumulated in place in C's
// row with contiguous vectorizable updates (every nonzero's row of B is read once, contiguously,
// instead of once per column of C with stride p), two nonzeros per pass over the row.
#include <cstddef>
#include <vector>

namespace {

// Rows [r0, r1) of C: row i is the linear combination of the rows of B named by row i of A, built in
// place in C's row (it stays in L1) with contiguous, vectorizable row updates; two nonzeros at a time
// halve the loads and stores of C's row.
void spmm_rows(const std::size_t *__restrict rp, const std::size_t *__restrict ci, const double *__restrict va,
               const double *__restrict B, double *__restrict C, std::size_t p, std::size_t r0, std::size_t r1) {
    for (std::size_t i = r0; i < r1; ++i) {
        double *__restrict crow = C + i * p;
        for (std::size_t j = 0; j < p; ++j) crow[j] = 0.0;
        const std::size_t end = rp[i + 1];
        std::size_t q = rp[i];
        for (; q + 2 <= end; q += 2) {
            const double v0 = va[q], v1 = va[q + 1];
            const double *__restrict b0 = B + ci[q] * p;
            const double *__restrict b1 = B + ci[q + 1] * p;
            for (std::size_t j = 0; j < p; ++j) crow[j] = (crow[j] + v0 * b0[j]) + v1 * b1[j];
        }
        if (q < end) {
            const double v0 = va[q];
            const double *__restrict b0 = B + ci[q] * p;
            for (std::size_t j = 0; j < p; ++j) crow[j] += v0 * b0[j];
        }
    }
}

}  // namespace

void spmm(size_t m, size_t k, size_t p, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
          const std::vector<double> &values, const std::vector<double> &B, std::vector<double> &C) {
    (void)k;
    spmm_rows(row_ptr.data(), col_idx.data(), values.data(), B.data(), C.data(), p, 0, m);
}
