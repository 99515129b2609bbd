// CUDA reference of hist_digits: exact digit from a powers-of-ten table, per-warp shared counters, one merge per block.
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

constexpr int kBlock = 256;
constexpr int kWarps = kBlock / 32;

// Leading decimal digit of v >= 1, exact: k = number of powers 10^1 .. 10^19 not above v, so
// 10^k <= v < 10^(k+1) (or k = 19); the digit is v / 10^k (always 1 for k = 19, v < 2 * 10^19).
__device__ unsigned leading_digit(std::uint64_t v) {
    std::uint64_t p = 1;
    std::uint64_t top = 1;
    for (int k = 1; k <= 19; ++k) {
        p *= 10u;  // 10^19 < 2^64: no overflow
        if (v >= p) top = p;
    }
    return static_cast<unsigned>(v / top);
}

__global__ void digits_kernel(const std::uint64_t *__restrict__ values, std::size_t n,
                              unsigned long long *__restrict__ counts) {
    __shared__ unsigned int local[kWarps][9];  // one histogram per warp: less contention on 9 bins
    for (int t = threadIdx.x; t < kWarps * 9; t += blockDim.x) local[t / 9][t % 9] = 0u;
    __syncthreads();
    unsigned int *mine = local[threadIdx.x / 32];
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        const std::uint64_t v = __ldg(reinterpret_cast<const unsigned long long *>(values) + i);
        if (v == 0) continue;  // not allowed by the spec; the baseline would index counts[-1]
        atomicAdd(&mine[leading_digit(v) - 1], 1u);
    }
    __syncthreads();
    if (threadIdx.x < 9) {
        unsigned long long s = 0;
        for (int w = 0; w < kWarps; ++w) s += local[w][threadIdx.x];
        if (s != 0) atomicAdd(&counts[threadIdx.x], s);
    }
}

}  // namespace

void hist_digits(const std::vector<uint64_t> &values, std::vector<int64_t> &counts) {
    const std::size_t n = values.size();
    const std::size_t cbytes = 9 * sizeof(unsigned long long);
    std::uint64_t *dv = nullptr;
    unsigned long long *dc = nullptr;
    check(cudaMallocAsync(&dv, std::max<std::size_t>(n, 1) * sizeof(std::uint64_t), 0), "cudaMallocAsync values");
    check(cudaMallocAsync(&dc, cbytes, 0), "cudaMallocAsync counts");
    if (n > 0)
        check(cudaMemcpyAsync(dv, values.data(), n * sizeof(std::uint64_t), cudaMemcpyHostToDevice, 0),
              "copy values to the device");
    check(cudaMemsetAsync(dc, 0, cbytes, 0), "cudaMemsetAsync counts");
    int dev = 0, sms = 0;
    check(cudaGetDevice(&dev), "cudaGetDevice");
    check(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, dev), "cudaDeviceGetAttribute");
    const std::size_t max_blocks = static_cast<std::size_t>(std::max(sms, 1)) * 8;
    const std::size_t blocks = std::max<std::size_t>(1, std::min<std::size_t>((n + kBlock - 1) / kBlock, max_blocks));
    digits_kernel<<<static_cast<unsigned>(blocks), kBlock>>>(dv, n, dc);
    check(cudaGetLastError(), "digits_kernel launch");
    // counts are non-negative and below 2^63, so the unsigned 64-bit words are the int64_t values
    check(cudaMemcpyAsync(counts.data(), dc, cbytes, cudaMemcpyDeviceToHost, 0), "copy counts to the host");
    check(cudaFreeAsync(dv, 0), "cudaFreeAsync values");
    check(cudaFreeAsync(dc, 0), "cudaFreeAsync counts");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
