// CUDA reference of dft: the O(n^2) sum with one warp per output (lanes split the inputs, twiddle index (j k) mod n advanced incrementally), a table of roots of unity from sincospi, warp-shuffle sums.
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

constexpr int BLOCK = 256;  // 8 warps, each one output at a time

// w[t] = exp(-2 pi i t / n) = (cos, sin)(-pi * 2t / n); sincospi keeps the argument reduction exact.
__global__ void twiddle_kernel(double2 *__restrict__ w, std::size_t n) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t t = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; t < n; t += stride) {
        double s, c;
        sincospi(-2.0 * static_cast<double>(t) / static_cast<double>(n), &s, &c);
        w[t] = make_double2(c, s);
    }
}

// Warp wid handles outputs k = wid, wid + warps, ...; lane l sums j = l, l + 32, ..., with t = (j k) mod n kept
// up to date by adding (32 k) mod n. Every loop bound is uniform over the warp, so the shuffles see all lanes.
__global__ void dft_kernel(const double2 *__restrict__ x, const double2 *__restrict__ w, double2 *__restrict__ y,
                           std::size_t n) {
    const unsigned lane = threadIdx.x & 31u;
    const std::size_t warps = static_cast<std::size_t>(gridDim.x) * (blockDim.x / 32);
    for (std::size_t k = (static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x) / 32; k < n; k += warps) {
        const std::size_t dt = (32 * k) % n;
        std::size_t t = (lane * k) % n;
        double re = 0.0, im = 0.0;
        for (std::size_t j = lane; j < n; j += 32) {
            const double2 v = x[j], tw = w[t];
            re += v.x * tw.x - v.y * tw.y;
            im += v.x * tw.y + v.y * tw.x;
            t += dt;
            if (t >= n) t -= n;
        }
        for (int off = 16; off > 0; off >>= 1) {
            re += __shfl_down_sync(0xffffffffu, re, off);
            im += __shfl_down_sync(0xffffffffu, im, off);
        }
        if (lane == 0) y[k] = make_double2(re, im);
    }
}

}  // namespace

void dft(const std::vector<double> &x, std::vector<double> &y, size_t n) {
    if (n == 0) return;
    const std::size_t bytes = n * sizeof(double2);
    double2 *dx = nullptr, *dw = nullptr, *dy = nullptr;
    check(cudaMallocAsync(&dx, bytes, 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&dw, bytes, 0), "cudaMallocAsync twiddles");
    check(cudaMallocAsync(&dy, bytes, 0), "cudaMallocAsync y");
    check(cudaMemcpyAsync(dx, x.data(), bytes, cudaMemcpyHostToDevice, 0), "copy x to the device");
    const std::size_t tblocks = std::min<std::size_t>((n + BLOCK - 1) / BLOCK, 65535u * 8u);
    twiddle_kernel<<<static_cast<unsigned>(tblocks), BLOCK>>>(dw, n);
    check(cudaGetLastError(), "twiddle_kernel launch");
    const std::size_t warps_per_block = BLOCK / 32;
    const std::size_t blocks = std::min<std::size_t>((n + warps_per_block - 1) / warps_per_block, 65535u * 8u);
    dft_kernel<<<static_cast<unsigned>(blocks), BLOCK>>>(dx, dw, dy, n);
    check(cudaGetLastError(), "dft_kernel launch");
    check(cudaMemcpyAsync(y.data(), dy, bytes, cudaMemcpyDeviceToHost, 0), "copy y to the host");
    check(cudaFreeAsync(dx, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(dw, 0), "cudaFreeAsync twiddles");
    check(cudaFreeAsync(dy, 0), "cudaFreeAsync y");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
