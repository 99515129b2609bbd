// Near miss (accumulates in single precision): must fail the check (hpceval validate).
#include <cstddef>
#include <vector>

void spmv(size_t nrows, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
          const std::vector<double> &values, const std::vector<double> &x, std::vector<double> &y) {
    for (size_t i = 0; i < nrows; ++i) {
        float sum = 0.0f;
        for (size_t k = row_ptr[i]; k < row_ptr[i + 1]; ++k) {
            sum += values[k] * x[col_idx[k]];
        }
        y[i] = sum;
    }
}
