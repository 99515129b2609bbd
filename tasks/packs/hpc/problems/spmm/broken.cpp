// Deliberately wrong spmm: indexes B as if it were stored column-major (B[j * k + c] instead of
// B[c * p + j]).
#include <cstddef>
#include <vector>

void spmm(size_t m, size_t k, size_t p, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
          const std::vector<double> &values, const std::vector<double> &B, std::vector<double> &C) {
    for (size_t i = 0; i < m; ++i) {
        for (size_t j = 0; j < p; ++j) {
            double sum = 0.0;
            for (size_t q = row_ptr[i]; q < row_ptr[i + 1]; ++q) sum += values[q] * B[j * k + col_idx[q]];
            C[i * p + j] = sum;
        }
    }
}
