// Serial reference of spmv_transpose: y is cleared with one memset-like pass, then every row scatters
// its products into y (raw restrict pointers; the scatter itself is already the sequential optimum:
// each nonzero is read once and y stays mostly in cache thanks to the matrix's band structure).
#include <algorithm>
#include <cstddef>
#include <vector>

void spmv_transpose(size_t nrows, size_t ncols, const std::vector<size_t> &row_ptr,
                    const std::vector<size_t> &col_idx, const std::vector<double> &values,
                    const std::vector<double> &x, std::vector<double> &y) {
    const std::size_t *__restrict rp = row_ptr.data();
    const std::size_t *__restrict ci = col_idx.data();
    const double *__restrict va = values.data();
    const double *__restrict xp = x.data();
    double *__restrict yp = y.data();
    std::fill(yp, yp + ncols, 0.0);
    for (std::size_t i = 0; i < nrows; ++i) {
        const double xi = xp[i];
        const std::size_t end = rp[i + 1];
        for (std::size_t k = rp[i]; k < end; ++k) yp[ci[k]] += va[k] * xi;
    }
}
