// CUDA reference of axpy: copy x and y to the device, one grid-stride kernel, copy y back.
#include <cuda_runtime.h>

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

void check(cudaError_t status, const char *what) {
    if (status != cudaSuccess) throw std::runtime_error(std::string(what) + ": " + cudaGetErrorString(status));
}

__global__ void axpy_kernel(double alpha, const double *__restrict__ x, double *__restrict__ y, std::size_t n) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride)
        y[i] += alpha * x[i];
}

}  // namespace

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    const std::size_t n = x.size();
    if (n == 0) return;
    const std::size_t bytes = n * sizeof(double);
    double *dx = nullptr, *dy = nullptr;
    check(cudaMallocAsync(&dx, bytes, 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&dy, bytes, 0), "cudaMallocAsync y");
    check(cudaMemcpyAsync(dx, x.data(), bytes, cudaMemcpyHostToDevice, 0), "copy x to the device");
    check(cudaMemcpyAsync(dy, y.data(), bytes, cudaMemcpyHostToDevice, 0), "copy y to the device");
    const int block = 256;
    const std::size_t blocks = std::min<std::size_t>((n + block - 1) / block, 65535u * 8u);
    axpy_kernel<<<static_cast<unsigned>(blocks), block>>>(alpha, dx, dy, n);
    check(cudaGetLastError(), "axpy_kernel launch");
    check(cudaMemcpyAsync(y.data(), dy, bytes, cudaMemcpyDeviceToHost, 0), "copy y to the host");
    check(cudaFreeAsync(dx, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(dy, 0), "cudaFreeAsync y");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
