// CUDA reference of dot_product: grid-stride partial sums (two accumulators per thread), warp-shuffle block reductions, one double atomicAdd per block.
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

constexpr int BLOCK = 256;  // a multiple of 32: every warp is full in the shuffles

__global__ void dot_kernel(const double *__restrict__ x, const double *__restrict__ y, std::size_t n,
                           double *result) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    double s0 = 0.0, s1 = 0.0;
    std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x;
    for (; i + stride < n; i += 2 * stride) {
        s0 += x[i] * y[i];
        s1 += x[i + stride] * y[i + stride];
    }
    if (i < n) s0 += x[i] * y[i];
    double v = s0 + s1;
    for (int off = 16; off > 0; off >>= 1) v += __shfl_down_sync(0xffffffffu, v, off);
    __shared__ double warp_sum[BLOCK / 32];
    const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
    if (lane == 0) warp_sum[warp] = v;
    __syncthreads();
    if (warp == 0) {
        v = lane < BLOCK / 32 ? warp_sum[lane] : 0.0;
        for (int off = 16; off > 0; off >>= 1) v += __shfl_down_sync(0xffffffffu, v, off);
        if (lane == 0) atomicAdd(result, v);
    }
}

}  // namespace

double dot_product(const std::vector<double> &x, const std::vector<double> &y) {
    const std::size_t n = x.size();
    if (n == 0) return 0.0;
    const std::size_t bytes = n * sizeof(double);
    double *dx = nullptr, *dy = nullptr, *dres = nullptr;
    check(cudaMallocAsync(&dx, bytes, 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&dy, bytes, 0), "cudaMallocAsync y");
    check(cudaMallocAsync(&dres, sizeof(double), 0), "cudaMallocAsync result");
    check(cudaMemsetAsync(dres, 0, sizeof(double), 0), "clear the result");
    check(cudaMemcpyAsync(dx, x.data(), bytes, cudaMemcpyHostToDevice, 0), "copy x to the device");
    check(cudaMemcpyAsync(dy, y.data(), bytes, cudaMemcpyHostToDevice, 0), "copy y to the device");
    // about 8 elements per thread at large n, at most 4096 blocks (4096 atomics)
    const std::size_t blocks = std::max<std::size_t>(1, std::min<std::size_t>((n + 8 * BLOCK - 1) / (8 * BLOCK), 4096));
    dot_kernel<<<static_cast<unsigned>(blocks), BLOCK>>>(dx, dy, n, dres);
    check(cudaGetLastError(), "dot_kernel launch");
    double result = 0.0;
    check(cudaMemcpyAsync(&result, dres, sizeof(double), cudaMemcpyDeviceToHost, 0), "copy the result to the host");
    check(cudaFreeAsync(dx, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(dy, 0), "cudaFreeAsync y");
    check(cudaFreeAsync(dres, 0), "cudaFreeAsync result");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
    return result;
}
