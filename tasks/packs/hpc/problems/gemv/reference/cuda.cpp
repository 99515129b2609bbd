// CUDA reference of gemv: one warp per row (coalesced row reads, shuffle reduction), grid-stride over rows.
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

constexpr int kBlock = 256;  // 8 warps, 8 rows in flight per block

__global__ void gemv_kernel(const double *__restrict__ A, const double *__restrict__ x, double *__restrict__ y,
                            std::size_t m, std::size_t n) {
    const unsigned lane = threadIdx.x & 31u;
    const std::size_t warp = (static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x) >> 5;
    const std::size_t nwarps = (static_cast<std::size_t>(gridDim.x) * blockDim.x) >> 5;
    // every lane of a warp has the same row, so the whole warp runs the shuffles together
    for (std::size_t i = warp; i < m; i += nwarps) {
        const double *row = A + i * n;
        double s = 0.0;
        for (std::size_t j = lane; j < n; j += 32) s += row[j] * __ldg(x + j);
        for (int off = 16; off > 0; off >>= 1) s += __shfl_down_sync(0xffffffffu, s, off);
        if (lane == 0) y[i] = s;
    }
}

}  // namespace

void gemv(const std::vector<double> &A, const std::vector<double> &x, std::vector<double> &y, size_t m, size_t n) {
    if (m == 0) return;
    const std::size_t abytes = std::max<std::size_t>(m * n, 1) * sizeof(double);
    const std::size_t xbytes = std::max<std::size_t>(n, 1) * sizeof(double);
    const std::size_t ybytes = m * sizeof(double);
    double *dA = nullptr, *dx = nullptr, *dy = nullptr;
    check(cudaMallocAsync(&dA, abytes, 0), "cudaMallocAsync A");
    check(cudaMallocAsync(&dx, xbytes, 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&dy, ybytes, 0), "cudaMallocAsync y");
    if (n > 0) {
        check(cudaMemcpyAsync(dA, A.data(), m * n * sizeof(double), cudaMemcpyHostToDevice, 0), "copy A to the device");
        check(cudaMemcpyAsync(dx, x.data(), n * sizeof(double), cudaMemcpyHostToDevice, 0), "copy x to the device");
    }
    const std::size_t warps_per_block = kBlock / 32;
    const std::size_t blocks = std::min<std::size_t>((m + warps_per_block - 1) / warps_per_block, 65535u * 8u);
    gemv_kernel<<<static_cast<unsigned>(blocks), kBlock>>>(dA, dx, dy, m, n);
    check(cudaGetLastError(), "gemv_kernel launch");
    check(cudaMemcpyAsync(y.data(), dy, ybytes, cudaMemcpyDeviceToHost, 0), "copy y to the host");
    check(cudaFreeAsync(dA, 0), "cudaFreeAsync A");
    check(cudaFreeAsync(dx, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(dy, 0), "cudaFreeAsync y");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
