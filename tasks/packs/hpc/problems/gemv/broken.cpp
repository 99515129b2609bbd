// Deliberately wrong gemv: every row's dot product stops one column early (last column ignored).
#include <cstddef>
#include <vector>

void gemv(const std::vector<double> &A, const std::vector<double> &x, std::vector<double> &y, size_t m, size_t n) {
    for (size_t i = 0; i < m; ++i) {
        double sum = 0.0;
        for (size_t j = 0; j + 1 < n; ++j) sum += A[i * n + j] * x[j];
        y[i] = sum;
    }
}
