// Attack: wrong model. Plain serial code submitted for an OpenMP task. Expected: wrong_model.
#include <cstddef>
#include <vector>

void gemv(const std::vector<double> &A, const std::vector<double> &x, std::vector<double> &y, size_t m, size_t n) {
    for (size_t i = 0; i < m; ++i) {
        double sum = 0.0;
        for (size_t j = 0; j < n; ++j) sum += A[i * n + j] * x[j];
        y[i] = sum;
    }
}
