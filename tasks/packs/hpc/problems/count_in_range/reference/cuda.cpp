// CUDA reference of count_in_range: grid-stride branch-free counting (64-bit compares against the bounds), warp-shuffle block sums, one 64-bit atomicAdd per block.
#include <cuda_runtime.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

void check(cudaError_t status, const char *what) {
    if (status != cudaSuccess) throw std::runtime_error(std::string(what) + ": " + cudaGetErrorString(status));
}

constexpr int BLOCK = 256;  // a multiple of 32: every warp is full in the shuffles

__global__ void count_kernel(const int *__restrict__ x, std::size_t n, int lo, int hi,
                             unsigned long long *result) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    unsigned long long c = 0;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        const int v = x[i];
        c += static_cast<unsigned long long>((v >= lo) & (v <= hi));  // plain int compares: no overflow
    }
    for (int off = 16; off > 0; off >>= 1) c += __shfl_down_sync(0xffffffffu, c, off);
    __shared__ unsigned long long warp_sum[BLOCK / 32];
    const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
    if (lane == 0) warp_sum[warp] = c;
    __syncthreads();
    if (warp == 0) {
        c = lane < BLOCK / 32 ? warp_sum[lane] : 0ull;
        for (int off = 16; off > 0; off >>= 1) c += __shfl_down_sync(0xffffffffu, c, off);
        if (lane == 0 && c != 0) atomicAdd(result, c);
    }
}

}  // namespace

int64_t count_in_range(const std::vector<int32_t> &x, int32_t lo, int32_t hi) {
    const std::size_t n = x.size();
    if (n == 0 || lo > hi) return 0;
    const std::size_t bytes = n * sizeof(int32_t);
    int *dx = nullptr;
    unsigned long long *dres = nullptr;
    check(cudaMallocAsync(&dx, bytes, 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&dres, sizeof(unsigned long long), 0), "cudaMallocAsync result");
    check(cudaMemsetAsync(dres, 0, sizeof(unsigned long long), 0), "clear the result");
    check(cudaMemcpyAsync(dx, x.data(), bytes, cudaMemcpyHostToDevice, 0), "copy x to the device");
    const std::size_t blocks = std::max<std::size_t>(1, std::min<std::size_t>((n + 8 * BLOCK - 1) / (8 * BLOCK), 4096));
    count_kernel<<<static_cast<unsigned>(blocks), BLOCK>>>(dx, n, lo, hi, dres);
    check(cudaGetLastError(), "count_kernel launch");
    unsigned long long result = 0;
    check(cudaMemcpyAsync(&result, dres, sizeof(result), cudaMemcpyDeviceToHost, 0), "copy the count to the host");
    check(cudaFreeAsync(dx, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(dres, 0), "cudaFreeAsync result");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
    return static_cast<int64_t>(result);
}
