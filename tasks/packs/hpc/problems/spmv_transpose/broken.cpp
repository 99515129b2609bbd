// Deliberately wrong spmv_transpose: y is never cleared, so the products are added to its contents on
// entry.
#include <cstddef>
#include <vector>

void spmv_transpose(size_t nrows, size_t ncols, const std::vector<size_t> &row_ptr,
                    const std::vector<size_t> &col_idx, const std::vector<double> &values,
                    const std::vector<double> &x, std::vector<double> &y) {
    (void)ncols;
    for (size_t i = 0; i < nrows; ++i)
        for (size_t k = row_ptr[i]; k < row_ptr[i + 1]; ++k) y[col_idx[k]] += values[k] * x[i];
}
