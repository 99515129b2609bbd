// Sequential baseline of sparse_jacobi: x = 0, then every iteration copies x to x_old and recomputes
// each x[i] from x_old, finding the diagonal entry while it walks the row.
#include <cstddef>
#include <vector>

void sparse_jacobi(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
                   const std::vector<double> &values, const std::vector<double> &b, std::vector<double> &x,
                   int iterations) {
    for (size_t i = 0; i < n; ++i) x[i] = 0.0;
    std::vector<double> x_old(n);
    for (int it = 0; it < iterations; ++it) {
        x_old = x;
        for (size_t i = 0; i < n; ++i) {
            double sum = 0.0;
            double diag = 0.0;
            for (size_t k = row_ptr[i]; k < row_ptr[i + 1]; ++k) {
                if (col_idx[k] == i) {
                    diag = values[k];
                } else {
                    sum += values[k] * x_old[col_idx[k]];
                }
            }
            x[i] = (b[i] - sum) / diag;
        }
    }
}
