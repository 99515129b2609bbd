// Serial reference of spmv: CSR row loop with two independent accumulators per row (shorter
// floating-point dependency chains) and raw restrict pointers.
#include <cstddef>
#include <vector>

void spmv(size_t nrows, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
          const std::vector<double> &values, const std::vector<double> &x, std::vector<double> &y) {
    const std::size_t *__restrict rp = row_ptr.data();
    const std::size_t *__restrict ci = col_idx.data();
    const double *__restrict va = values.data();
    const double *__restrict xp = x.data();
    double *__restrict yp = y.data();
    for (std::size_t i = 0; i < nrows; ++i) {
        const std::size_t end = rp[i + 1];
        std::size_t k = rp[i];
        double s0 = 0.0, s1 = 0.0;
        for (; k + 2 <= end; k += 2) {
            s0 += va[k] * xp[ci[k]];
            s1 += va[k + 1] * xp[ci[k + 1]];
        }
        if (k < end) s0 += va[k] * xp[ci[k]];
        yp[i] = s0 + s1;
    }
}
