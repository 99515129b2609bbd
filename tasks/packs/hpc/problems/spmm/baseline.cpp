// Sequential baseline of spmm: one sparse dot product per element of C,
// C[i][j] = sum over the nonzeros (c, v) of row i of v * B[c][j].
#include <cstddef>
#include <vector>

void spmm(size_t m, size_t k, size_t p, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
          const std::vector<double> &values, const std::vector<double> &B, std::vector<double> &C) {
    (void)k;
    for (size_t i = 0; i < m; ++i) {
        for (size_t j = 0; j < p; ++j) {
            double sum = 0.0;
            for (size_t q = row_ptr[i]; q < row_ptr[i + 1]; ++q) {
                sum += values[q] * B[col_idx[q] * p + j];
            }
            C[i * p + j] = sum;
        }
    }
}
