// CUDA reference of exclusive_scan: reduce-then-scan over 2048-element tiles (tile sums, one-block scan of the sums, tile scans with shuffles).
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

typedef double Value;

constexpr int kBlock = 256;                 // threads per block (8 warps)
constexpr int kItems = 8;                   // consecutive elements per thread in a tile
constexpr int kTile = kBlock * kItems;      // elements per tile
constexpr int kWarps = kBlock / 32;
constexpr unsigned kMaxGrid = 65535u * 8u;

// Inclusive scan of v over the block (blockDim.x == kBlock, every thread calls it); *total gets the
// block's sum. warp_sums is kWarps values of shared memory.
__device__ Value block_inclusive_scan(Value v, Value *warp_sums, Value *total) {
    const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
    for (int off = 1; off < 32; off <<= 1) {
        const Value u = __shfl_up_sync(0xffffffffu, v, off);
        if (lane >= off) v += u;
    }
    if (lane == 31) warp_sums[warp] = v;
    __syncthreads();
    Value before = 0, all = 0;
    for (int w = 0; w < kWarps; ++w) {
        const Value s = warp_sums[w];
        if (w < warp) before += s;
        all += s;
    }
    __syncthreads();  // warp_sums may be reused by the caller
    *total = all;
    return v + before;
}

// sums[t] = sum of tile t of x.
__global__ void tile_sums_kernel(const Value *__restrict__ x, std::size_t n, std::size_t ntiles,
                                 Value *__restrict__ sums) {
    __shared__ Value warp_sums[kWarps];
    for (std::size_t t = blockIdx.x; t < ntiles; t += gridDim.x) {
        const std::size_t base = t * kTile;
        Value s = 0;
        for (int k = 0; k < kItems; ++k) {  // coalesced: consecutive threads, consecutive elements
            const std::size_t i = base + static_cast<std::size_t>(k) * kBlock + threadIdx.x;
            if (i < n) s += x[i];
        }
        for (int off = 16; off > 0; off >>= 1) s += __shfl_down_sync(0xffffffffu, s, off);
        if ((threadIdx.x & 31) == 0) warp_sums[threadIdx.x >> 5] = s;
        __syncthreads();
        if (threadIdx.x == 0) {
            Value all = 0;
            for (int w = 0; w < kWarps; ++w) all += warp_sums[w];
            sums[t] = all;
        }
        __syncthreads();
    }
}

// In place: sums[t] becomes the sum of tiles 0 .. t - 1 (exclusive scan); one block of kBlock threads.
__global__ void scan_sums_kernel(Value *sums, std::size_t ntiles) {
    __shared__ Value warp_sums[kWarps];
    Value carry = 0;
    for (std::size_t base = 0; base < ntiles; base += kBlock) {
        const std::size_t i = base + threadIdx.x;
        const Value v = i < ntiles ? sums[i] : 0;
        Value total;
        const Value inc = block_inclusive_scan(v, warp_sums, &total);
        if (i < ntiles) sums[i] = carry + inc - v;
        carry += total;
    }
}

// y over tile t = offsets[t] + exclusive scan of x over the tile. The tile passes through shared
// memory so that both global reads and writes are coalesced while each thread scans kItems
// consecutive elements.
__global__ void tile_scan_kernel(const Value *__restrict__ x, Value *__restrict__ y, std::size_t n,
                                 std::size_t ntiles, const Value *__restrict__ offsets) {
    __shared__ Value tile[kTile];
    __shared__ Value warp_sums[kWarps];
    for (std::size_t t = blockIdx.x; t < ntiles; t += gridDim.x) {
        const std::size_t base = t * kTile;
        for (int k = 0; k < kItems; ++k) {
            const int j = k * kBlock + threadIdx.x;
            const std::size_t i = base + j;
            tile[j] = i < n ? x[i] : 0;
        }
        __syncthreads();
        Value local[kItems];
        Value s = 0;
        for (int k = 0; k < kItems; ++k) {
            local[k] = s;  // exclusive: the sum before element k
            s += tile[threadIdx.x * kItems + k];
        }
        Value total;
        const Value before = block_inclusive_scan(s, warp_sums, &total) - s + offsets[t];
        for (int k = 0; k < kItems; ++k) tile[threadIdx.x * kItems + k] = before + local[k];
        __syncthreads();
        for (int k = 0; k < kItems; ++k) {
            const int j = k * kBlock + threadIdx.x;
            const std::size_t i = base + j;
            if (i < n) y[i] = tile[j];
        }
        __syncthreads();  // the tile buffer is reused by the next tile
    }
}

}  // namespace

void exclusive_scan(const std::vector<double> &x, std::vector<double> &y) {
    const std::size_t n = x.size();
    if (n == 0) return;
    const std::size_t bytes = n * sizeof(Value);
    const std::size_t ntiles = (n + kTile - 1) / kTile;
    Value *dx = nullptr, *dy = nullptr, *dsums = nullptr;
    check(cudaMallocAsync(&dx, bytes, 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&dy, bytes, 0), "cudaMallocAsync y");
    check(cudaMallocAsync(&dsums, ntiles * sizeof(Value), 0), "cudaMallocAsync sums");
    check(cudaMemcpyAsync(dx, x.data(), bytes, cudaMemcpyHostToDevice, 0), "copy x to the device");
    const unsigned grid = static_cast<unsigned>(std::min<std::size_t>(ntiles, kMaxGrid));
    tile_sums_kernel<<<grid, kBlock>>>(dx, n, ntiles, dsums);
    check(cudaGetLastError(), "tile_sums_kernel launch");
    scan_sums_kernel<<<1, kBlock>>>(dsums, ntiles);
    check(cudaGetLastError(), "scan_sums_kernel launch");
    tile_scan_kernel<<<grid, kBlock>>>(dx, dy, n, ntiles, dsums);
    check(cudaGetLastError(), "tile_scan_kernel launch");
    check(cudaMemcpyAsync(y.data(), dy, bytes, cudaMemcpyDeviceToHost, 0), "copy y to the host");
    check(cudaFreeAsync(dx, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(dy, 0), "cudaFreeAsync y");
    check(cudaFreeAsync(dsums, 0), "cudaFreeAsync sums");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
