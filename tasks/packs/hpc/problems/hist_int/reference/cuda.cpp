// CUDA reference of hist_int: per-block shared-memory histograms of the low bins (the hot ones), global atomics above.
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
constexpr std::size_t kSharedBins = 12288;  // 48 KB of 32-bit counters per block, no opt-in needed

// Bins below kSharedBins are counted in a private shared-memory histogram per block and added to the
// global counts once at the end; rarer high bins (if nbins is larger) go straight to global atomics.
__global__ void hist_kernel(const int *__restrict__ values, std::size_t n, std::size_t nbins,
                            unsigned long long *__restrict__ counts) {
    __shared__ unsigned int local[kSharedBins];
    const std::size_t nlocal = nbins < kSharedBins ? nbins : kSharedBins;
    for (std::size_t b = threadIdx.x; b < nlocal; b += blockDim.x) local[b] = 0u;
    __syncthreads();
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        const int v = __ldg(values + i);
        if (v < 0) continue;
        const std::size_t b = static_cast<std::size_t>(v);
        if (b < nlocal) atomicAdd(&local[b], 1u);
        else if (b < nbins) atomicAdd(&counts[b], 1ull);
    }
    __syncthreads();
    for (std::size_t b = threadIdx.x; b < nlocal; b += blockDim.x)
        if (local[b] != 0u) atomicAdd(&counts[b], static_cast<unsigned long long>(local[b]));
}

}  // namespace

void hist_int(const std::vector<int> &values, size_t nbins, std::vector<int64_t> &counts) {
    if (nbins == 0) return;
    const std::size_t n = values.size();
    const std::size_t cbytes = nbins * sizeof(unsigned long long);
    int *dv = nullptr;
    unsigned long long *dc = nullptr;
    check(cudaMallocAsync(&dv, std::max<std::size_t>(n, 1) * sizeof(int), 0), "cudaMallocAsync values");
    check(cudaMallocAsync(&dc, cbytes, 0), "cudaMallocAsync counts");
    if (n > 0) check(cudaMemcpyAsync(dv, values.data(), n * sizeof(int), cudaMemcpyHostToDevice, 0), "copy values to the device");
    check(cudaMemsetAsync(dc, 0, cbytes, 0), "cudaMemsetAsync counts");
    int dev = 0, sms = 0;
    check(cudaGetDevice(&dev), "cudaGetDevice");
    check(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, dev), "cudaDeviceGetAttribute");
    // a few blocks per SM: enough threads to saturate memory, few shared histograms to merge
    const std::size_t max_blocks = static_cast<std::size_t>(std::max(sms, 1)) * 4;
    const std::size_t blocks = std::max<std::size_t>(1, std::min<std::size_t>((n + kBlock - 1) / kBlock, max_blocks));
    hist_kernel<<<static_cast<unsigned>(blocks), kBlock>>>(dv, n, nbins, dc);
    check(cudaGetLastError(), "hist_kernel launch");
    // counts are non-negative and below 2^63, so the unsigned 64-bit words are the int64_t values
    check(cudaMemcpyAsync(counts.data(), dc, cbytes, cudaMemcpyDeviceToHost, 0), "copy counts to the host");
    check(cudaFreeAsync(dv, 0), "cudaFreeAsync values");
    check(cudaFreeAsync(dc, 0), "cudaFreeAsync counts");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
