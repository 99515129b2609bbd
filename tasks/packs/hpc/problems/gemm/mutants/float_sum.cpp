// Near miss (accumulates in single precision): must fail the check (hpceval validate).
#include <cstddef>
#include <vector>

void gemm(const std::vector<double> &A, const std::vector<double> &B, std::vector<double> &C, size_t m, size_t k,
          size_t n) {
    for (size_t i = 0; i < m; ++i) {
        for (size_t j = 0; j < n; ++j) {
            float sum = 0.0f;
            for (size_t p = 0; p < k; ++p) {
                sum += A[i * k + p] * B[p * n + j];
            }
            C[i * n + j] = sum;
        }
    }
}
