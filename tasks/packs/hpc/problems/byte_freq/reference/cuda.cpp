// CUDA reference of byte_freq: 16-byte loads, runs of one byte merged in registers, per-warp 32-bit shared histograms, one 64-bit global atomic per nonzero bin and block.
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

constexpr int BLOCK = 256;  // = the number of bins: thread b flushes bin b
constexpr int WARPS = BLOCK / 32;

// Adds the 16 bytes of w to the warp's histogram h, one shared atomic per run of equal bytes.
__device__ __forceinline__ void count16(const uint4 &w, unsigned *h) {
    const unsigned words[4] = {w.x, w.y, w.z, w.w};
    unsigned cur = words[0] & 0xFFu, run = 0;
#pragma unroll
    for (int q = 0; q < 4; ++q) {
#pragma unroll
        for (int s = 0; s < 32; s += 8) {
            const unsigned b = (words[q] >> s) & 0xFFu;
            if (b == cur) {
                ++run;
            } else {
                atomicAdd(&h[cur], run);
                cur = b;
                run = 1;
            }
        }
    }
    atomicAdd(&h[cur], run);
}

// data is cudaMalloc'ed (256-byte aligned): the first n / 16 groups of 16 bytes are read as uint4, the tail of
// fewer than 16 bytes byte by byte. A warp's counters see at most n / (gridDim.x * WARPS) + 16 bytes (< 2^32).
__global__ void hist_kernel(const std::uint8_t *__restrict__ data, std::size_t n, unsigned long long *freq) {
    __shared__ unsigned h[WARPS][256];
    for (int w = 0; w < WARPS; ++w) h[w][threadIdx.x] = 0;
    __syncthreads();
    unsigned *mine = h[threadIdx.x >> 5];
    const std::size_t groups = n / 16;
    const uint4 *d16 = reinterpret_cast<const uint4 *>(data);
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    const std::size_t tid = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x;
    for (std::size_t g = tid; g < groups; g += stride) count16(d16[g], mine);
    for (std::size_t i = groups * 16 + tid; i < n; i += stride) atomicAdd(&mine[data[i]], 1u);
    __syncthreads();
    unsigned long long total = 0;
    for (int w = 0; w < WARPS; ++w) total += h[w][threadIdx.x];
    if (total != 0) atomicAdd(&freq[threadIdx.x], total);
}

}  // namespace

void byte_freq(const std::vector<uint8_t> &data, std::vector<int64_t> &freq) {
    const std::size_t n = data.size();
    std::uint8_t *dd = nullptr;
    unsigned long long *dfreq = nullptr;
    check(cudaMallocAsync(&dd, std::max<std::size_t>(n, 1), 0), "cudaMallocAsync data");
    check(cudaMallocAsync(&dfreq, 256 * sizeof(unsigned long long), 0), "cudaMallocAsync freq");
    check(cudaMemsetAsync(dfreq, 0, 256 * sizeof(unsigned long long), 0), "clear freq");
    if (n > 0) check(cudaMemcpyAsync(dd, data.data(), n, cudaMemcpyHostToDevice, 0), "copy data to the device");
    int device = 0, sms = 0;
    check(cudaGetDevice(&device), "cudaGetDevice");
    check(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, device), "cudaDeviceGetAttribute");
    // enough blocks to fill the GPU (8 per SM), few enough that the flush (256 atomics per block) stays cheap
    const std::size_t want = (n / 16 + BLOCK - 1) / BLOCK;
    const std::size_t blocks = std::max<std::size_t>(1, std::min<std::size_t>(want, static_cast<std::size_t>(sms) * 8));
    hist_kernel<<<static_cast<unsigned>(blocks), BLOCK>>>(dd, n, dfreq);
    check(cudaGetLastError(), "hist_kernel launch");
    unsigned long long counts[256];
    check(cudaMemcpyAsync(counts, dfreq, sizeof counts, cudaMemcpyDeviceToHost, 0), "copy freq to the host");
    check(cudaFreeAsync(dd, 0), "cudaFreeAsync data");
    check(cudaFreeAsync(dfreq, 0), "cudaFreeAsync freq");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
    for (int b = 0; b < 256; ++b) freq[b] = static_cast<int64_t>(counts[b]);
}
