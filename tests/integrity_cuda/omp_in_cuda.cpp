// Attack: a cuda answer that launches a kernel for show and computes on the host with OpenMP threads. Host
// threads are not the GPU: the source check must fail it.
#include <cstddef>
#include <vector>

namespace {
__global__ void touch(double *out) {
    if (out) out[0] = 0.0;
}
}  // namespace

void gemv(const std::vector<double> &A, const std::vector<double> &x, std::vector<double> &y, size_t m, size_t n) {
    touch<<<1, 1>>>(nullptr);
#pragma omp parallel for
    for (std::size_t i = 0; i < m; ++i) {
        double sum = 0.0;
        for (std::size_t j = 0; j < n; ++j) sum += A[i * n + j] * x[j];
        y[i] = sum;
    }
}
