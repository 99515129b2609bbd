// OpenMP reference of gemv: rows are split statically over the threads (equal work per row);
// each row is a dot product with independent SIMD accumulators.
#include <cstddef>
#include <vector>

void gemv(const std::vector<double> &A, const std::vector<double> &x, std::vector<double> &y, size_t m, size_t n) {
    const double *__restrict a = A.data();
    const double *__restrict xp = x.data();
    double *__restrict yp = y.data();
    const std::ptrdiff_t rows = static_cast<std::ptrdiff_t>(m);
#pragma omp parallel for schedule(static) if (m * n > 50000)
    for (std::ptrdiff_t i = 0; i < rows; ++i) {
        const double *__restrict row = a + static_cast<std::size_t>(i) * n;
        double sum = 0.0;
#pragma omp simd reduction(+ : sum)
        for (std::size_t j = 0; j < n; ++j) sum += row[j] * xp[j];
        yp[i] = sum;
    }
}
