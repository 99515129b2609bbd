// OpenMP reference of spmm: the rows of C are split into one contiguous range per thread holding about
// the same number of nonzeros (binary search in row_ptr); each row is a linear combination of B's rows
// accumulated in place in C's row (contiguous vectorizable updates, two nonzeros per pass).
#include <omp.h>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace {

// First row whose nonzeros start at or after `target`.
std::size_t row_for_nnz(const std::size_t *rp, std::size_t nrows, std::size_t target) {
    return static_cast<std::size_t>(std::lower_bound(rp, rp + nrows + 1, target) - rp);
}

// Rows [r0, r1) of part `part` out of `parts` parts of rows [lo, hi), balanced by nonzeros.
void nnz_block(const std::size_t *rp, std::size_t nrows, std::size_t lo, std::size_t hi, std::size_t part,
                std::size_t parts, std::size_t &r0, std::size_t &r1) {
    const std::size_t first = rp[lo], nnz = rp[hi] - rp[lo];
    r0 = part == 0 ? lo : std::max(lo, std::min(hi, row_for_nnz(rp, nrows, first + (nnz * part) / parts)));
    r1 = part + 1 == parts ? hi
                           : std::max(lo, std::min(hi, row_for_nnz(rp, nrows, first + (nnz * (part + 1)) / parts)));
}

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
    const std::size_t *rp = row_ptr.data();
#pragma omp parallel if ((rp[m] + m) * p > 100000)
    {
        std::size_t r0 = 0, r1 = 0;
        nnz_block(rp, m, 0, m, static_cast<std::size_t>(omp_get_thread_num()),
                  static_cast<std::size_t>(omp_get_num_threads()), r0, r1);
        spmm_rows(rp, col_idx.data(), values.data(), B.data(), C.data(), p, r0, r1);
    }
}
