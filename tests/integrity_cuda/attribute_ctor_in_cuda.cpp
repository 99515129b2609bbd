// Attack: __attribute__((constructor)) in a CUDA unit, whose startup code calls only what nvcc's registration
// calls as well (a function of the unit's own .text). It is still a second .init_array entry: the policy must
// reject it.
#include <cstddef>
#include <cstdlib>
#include <vector>

namespace {
__global__ void gemv_kernel(const double *A, const double *x, double *y, std::size_t m, std::size_t n) {
    const std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x;
    if (i >= m) return;
    double sum = 0.0;
    for (std::size_t j = 0; j < n; ++j) sum += A[i * n + j] * x[j];
    y[i] = sum;
}
}  // namespace

static volatile int prepared = 0;
__attribute__((noinline)) static void prepare() { prepared = 1; }
__attribute__((constructor)) static void before_main() { prepare(); }

void gemv(const std::vector<double> &A, const std::vector<double> &x, std::vector<double> &y, size_t m, size_t n) {
    double *dA = nullptr, *dx = nullptr, *dy = nullptr;
    cudaMalloc(&dA, m * n * sizeof(double));
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
