// CUDA reference of collatz_steps: one thread per value (grid-stride), each run of halvings taken at once with a count of trailing zeros.
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

// Steps of v (>= 1) to 1: strip the factors of two (one step each), then 3v + 1 (one step) and strip again,
// until the odd part is 1. 3v + 1 is even, so 1 is only ever reached by halving.
__device__ __forceinline__ int collatz(unsigned long long v) {
    int tz = __ffsll(static_cast<long long>(v)) - 1;
    v >>= tz;
    int count = tz;
    while (v != 1ull) {
        v = 3ull * v + 1ull;
        tz = __ffsll(static_cast<long long>(v)) - 1;
        v >>= tz;
        count += 1 + tz;
    }
    return count;
}

__global__ void collatz_kernel(const unsigned long long *__restrict__ values, int *__restrict__ steps, std::size_t n) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride)
        steps[i] = collatz(values[i]);
}

}  // namespace

void collatz_steps(const std::vector<uint64_t> &values, std::vector<int> &steps) {
    const std::size_t n = values.size();
    if (n == 0) return;
    unsigned long long *dv = nullptr;
    int *ds = nullptr;
    check(cudaMallocAsync(&dv, n * sizeof(unsigned long long), 0), "cudaMallocAsync values");
    check(cudaMallocAsync(&ds, n * sizeof(int), 0), "cudaMallocAsync steps");
    check(cudaMemcpyAsync(dv, values.data(), n * sizeof(std::uint64_t), cudaMemcpyHostToDevice, 0),
          "copy values to the device");
    const int block = 128;  // small blocks: the work per value varies, let the scheduler balance
    const std::size_t blocks = std::min<std::size_t>((n + block - 1) / block, 65535u * 8u);
    collatz_kernel<<<static_cast<unsigned>(blocks), block>>>(dv, ds, n);
    check(cudaGetLastError(), "collatz_kernel launch");
    check(cudaMemcpyAsync(steps.data(), ds, n * sizeof(int), cudaMemcpyDeviceToHost, 0), "copy steps to the host");
    check(cudaFreeAsync(dv, 0), "cudaFreeAsync values");
    check(cudaFreeAsync(ds, 0), "cudaFreeAsync steps");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
