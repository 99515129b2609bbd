// CUDA reference of stream_compaction: three kernels over tiles of 4096 elements: count the kept elements per
// tile (__syncthreads_count), scan the tile counts (one block), then each tile writes its kept elements in order
// at its offset (warp ballots and warp counts in shared memory rank them); the count and out[0, count) come back.
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

constexpr int BLOCK = 256;
constexpr int WARPS = BLOCK / 32;
constexpr int ROUNDS = 16;
constexpr std::size_t TILE = static_cast<std::size_t>(BLOCK) * ROUNDS;
constexpr unsigned FULL = 0xffffffffu;

// counts[tile] = number of kept elements in the tile (one block per tile; coalesced rounds of BLOCK elements).
__global__ void count_kernel(const double *__restrict__ x, std::size_t n, double threshold,
                             unsigned long long *__restrict__ counts) {
    const std::size_t base = static_cast<std::size_t>(blockIdx.x) * TILE;
    unsigned total = 0;
    for (int r = 0; r < ROUNDS; ++r) {
        const std::size_t i = base + static_cast<std::size_t>(r) * BLOCK + threadIdx.x;
        total += __syncthreads_count(i < n && x[i] > threshold);
    }
    if (threadIdx.x == 0) counts[blockIdx.x] = total;
}

// In place exclusive scan of counts[0, tiles) by one block of 1024 threads; counts[tiles] = the total.
__global__ void scan_kernel(unsigned long long *counts, std::size_t tiles) {
    __shared__ unsigned long long ws[32];
    const unsigned lane = threadIdx.x & 31u, warp = threadIdx.x >> 5, nwarps = blockDim.x >> 5;
    unsigned long long carry = 0;
    for (std::size_t start = 0; start < tiles; start += blockDim.x) {
        const std::size_t i = start + threadIdx.x;
        const unsigned long long v = i < tiles ? counts[i] : 0ULL;
        unsigned long long s = v;
        for (unsigned o = 1; o < 32; o <<= 1) {
            const unsigned long long y = __shfl_up_sync(FULL, s, o);
            if (lane >= o) s += y;
        }
        if (lane == 31) ws[warp] = s;
        __syncthreads();
        if (warp == 0) {
            unsigned long long w = lane < nwarps ? ws[lane] : 0ULL;
            for (unsigned o = 1; o < 32; o <<= 1) {
                const unsigned long long y = __shfl_up_sync(FULL, w, o);
                if (lane >= o) w += y;
            }
            ws[lane] = w;
        }
        __syncthreads();
        const unsigned long long before = warp ? ws[warp - 1] : 0ULL;
        if (i < tiles) counts[i] = carry + before + s - v;
        carry += ws[nwarps - 1];
        __syncthreads();  // ws is rewritten in the next chunk
    }
    if (threadIdx.x == 0) counts[tiles] = carry;
}

// Writes the kept elements of tile blockIdx.x to out[offsets[tile] ...] in index order: per round of BLOCK
// elements, a kept element's position is the tile's running count + the kept elements of the earlier warps +
// those of the earlier lanes of its warp.
__global__ void scatter_kernel(const double *__restrict__ x, std::size_t n, double threshold,
                               const unsigned long long *__restrict__ offsets, double *__restrict__ out) {
    __shared__ unsigned warp_cnt[WARPS];
    const unsigned lane = threadIdx.x & 31u, warp = threadIdx.x >> 5;
    const std::size_t base = static_cast<std::size_t>(blockIdx.x) * TILE;
    const unsigned long long start = offsets[blockIdx.x];
    unsigned running = 0;
    for (int r = 0; r < ROUNDS; ++r) {
        const std::size_t i = base + static_cast<std::size_t>(r) * BLOCK + threadIdx.x;
        const double v = i < n ? x[i] : 0.0;
        const bool keep = i < n && v > threshold;
        const unsigned mask = __ballot_sync(FULL, keep);
        if (lane == 0) warp_cnt[warp] = __popc(mask);
        __syncthreads();
        unsigned before = 0, total = 0;
        for (int w = 0; w < WARPS; ++w) {
            const unsigned c = warp_cnt[w];
            if (w < static_cast<int>(warp)) before += c;
            total += c;
        }
        if (keep) out[start + running + before + __popc(mask & ((1u << lane) - 1u))] = v;
        running += total;
        __syncthreads();  // warp_cnt is rewritten in the next round
    }
}

}  // namespace

size_t stream_compaction(const std::vector<double> &x, double threshold, std::vector<double> &out) {
    const std::size_t n = x.size();
    if (n == 0) return 0;
    const std::size_t tiles = (n + TILE - 1) / TILE;
    double *dx = nullptr, *dout = nullptr;
    unsigned long long *dcounts = nullptr;
    check(cudaMallocAsync(&dx, n * sizeof(double), 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&dout, n * sizeof(double), 0), "cudaMallocAsync out");
    check(cudaMallocAsync(&dcounts, (tiles + 1) * sizeof(unsigned long long), 0), "cudaMallocAsync tile counts");
    check(cudaMemcpyAsync(dx, x.data(), n * sizeof(double), cudaMemcpyHostToDevice, 0), "copy x to the device");
    // tiles < 2^31 for any n that fits in memory, within gridDim.x's limit
    count_kernel<<<static_cast<unsigned>(tiles), BLOCK>>>(dx, n, threshold, dcounts);
    check(cudaGetLastError(), "count_kernel launch");
    scan_kernel<<<1, 1024>>>(dcounts, tiles);
    check(cudaGetLastError(), "scan_kernel launch");
    scatter_kernel<<<static_cast<unsigned>(tiles), BLOCK>>>(dx, n, threshold, dcounts, dout);
    check(cudaGetLastError(), "scatter_kernel launch");
    unsigned long long count = 0;
    check(cudaMemcpy(&count, dcounts + tiles, sizeof(count), cudaMemcpyDeviceToHost), "copy the count");
    if (count > 0)
        check(cudaMemcpy(out.data(), dout, static_cast<std::size_t>(count) * sizeof(double), cudaMemcpyDeviceToHost),
              "copy out to the host");
    check(cudaFreeAsync(dx, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(dout, 0), "cudaFreeAsync out");
    check(cudaFreeAsync(dcounts, 0), "cudaFreeAsync tile counts");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
    return static_cast<std::size_t>(count);
}
