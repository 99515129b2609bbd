// Sequential baseline of spmv_transpose: y = 0, then every row i of A scatters values[k] * x[i] into
// y[col_idx[k]].
#include <cstddef>
#include <vector>

void spmv_transpose(size_t nrows, size_t ncols, const std::vector<size_t> &row_ptr,
                    const std::vector<size_t> &col_idx, const std::vector<double> &values,
                    const std::vector<double> &x, std::vector<double> &y) {
    for (size_t j = 0; j < ncols; ++j) y[j] = 0.0;
    for (size_t i = 0; i < nrows; ++i) {
        const double xi = x[i];
        for (size_t k = row_ptr[i]; k < row_ptr[i + 1]; ++k) {
            y[col_idx[k]] += values[k] * xi;
        }
    }
}
