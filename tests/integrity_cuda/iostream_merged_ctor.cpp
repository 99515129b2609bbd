// Attack: a dynamic initializer hidden in the startup function that <iostream> already needs. GCC merges every
// namespace-scope initializer of a unit into one `_GLOBAL__sub_I_` function, so this one adds no .init_array
// entry of its own, and what it calls (a static function in .text) is what nvcc's registration calls too. Only
// judging each relocation by the startup function it lies in catches it: the iostream initializer calls nothing
// of the unit's own.
#include <cstddef>
#include <iostream>
#include <vector>

namespace {
__global__ void gemv_kernel(const double *A, const double *x, double *y, std::size_t m, std::size_t n) {
    const std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x;
    if (i >= m) return;
    double sum = 0.0;
    for (std::size_t j = 0; j < n; ++j) sum += A[i * n + j] * x[j];
    y[i] = sum;
}
__attribute__((noinline)) int prepare() {
    static volatile int calls = 0;
    return ++calls;
}
int prepared = prepare();
}  // namespace

void gemv(const std::vector<double> &A, const std::vector<double> &x, std::vector<double> &y, size_t m, size_t n) {
    double *dA = nullptr, *dx = nullptr, *dy = nullptr;
    cudaMalloc(&dA, m * n * sizeof(double) + static_cast<std::size_t>(prepared) * 0);
    cudaMalloc(&dx, n * sizeof(double));
    cudaMalloc(&dy, m * sizeof(double));
    cudaMemcpy(dA, A.data(), m * n * sizeof(double), cudaMemcpyHostToDevice);
    cudaMemcpy(dx, x.data(), n * sizeof(double), cudaMemcpyHostToDevice);
    gemv_kernel<<<static_cast<unsigned>((m + 255) / 256), 256>>>(dA, dx, dy, m, n);
    cudaMemcpy(y.data(), dy, m * sizeof(double), cudaMemcpyDeviceToHost);
    cudaFree(dA);
    cudaFree(dx);
    cudaFree(dy);
}
