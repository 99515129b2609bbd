// CUDA reference of prefix_max: three-phase scan: per-tile maxima, a one-block exclusive max-scan of the tile maxima, then per-tile warp-shuffle scans seeded with the tile's carry.
#include <cuda_runtime.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

void check(cudaError_t status, const char *what) {
    if (status != cudaSuccess) throw std::runtime_error(std::string(what) + ": " + cudaGetErrorString(status));
}

constexpr int BLOCK = 256, WARPS = BLOCK / 32, ITEMS = 8;
constexpr std::size_t TILE = static_cast<std::size_t>(BLOCK) * ITEMS;  // 2048 elements
constexpr int SCAN_BLOCK = 1024, SCAN_WARPS = SCAN_BLOCK / 32;

__device__ __forceinline__ double dmax(double a, double b) { return b > a ? b : a; }

// Element u of thread threadIdx.x in tile t: warp w covers tile elements [w * 256, (w + 1) * 256), lane l takes
// w * 256 + u * 32 + l (coalesced loads and stores).
__device__ __forceinline__ std::size_t tile_index(std::size_t t, int u) {
    return t * TILE + static_cast<std::size_t>(threadIdx.x / 32) * (32 * ITEMS) + static_cast<std::size_t>(u) * 32 +
           (threadIdx.x & 31u);
}

// Inclusive max-scan across the 32 lanes of a warp (all lanes active).
__device__ __forceinline__ double warp_scan_max(double v) {
    const unsigned lane = threadIdx.x & 31u;
    for (int off = 1; off < 32; off <<= 1) {
        const double o = __shfl_up_sync(0xffffffffu, v, off);
        if (lane >= static_cast<unsigned>(off)) v = dmax(v, o);
    }
    return v;
}

// Phase 1: tile_max[t] = max of the elements of tile t.
__global__ void tile_max_kernel(const double *__restrict__ x, std::size_t n, std::size_t tiles,
                                double *__restrict__ tile_max) {
    __shared__ double sw[WARPS];
    for (std::size_t t = blockIdx.x; t < tiles; t += gridDim.x) {  // uniform over the block
        double m = -INFINITY;
#pragma unroll
        for (int u = 0; u < ITEMS; ++u) {
            const std::size_t i = tile_index(t, u);
            if (i < n) m = dmax(m, x[i]);
        }
        for (int off = 16; off > 0; off >>= 1) m = dmax(m, __shfl_down_sync(0xffffffffu, m, off));
        __syncthreads();  // sw is free (previous tile's reader is done)
        if ((threadIdx.x & 31u) == 0) sw[threadIdx.x / 32] = m;
        __syncthreads();
        if (threadIdx.x == 0) {
            for (int w = 1; w < WARPS; ++w) m = dmax(m, sw[w]);
            tile_max[t] = m;
        }
    }
}

// Phase 2 (one block of SCAN_BLOCK threads): carry[0] = -inf and carry[t + 1] = max(tile_max[0..t]), chunk by
// chunk with a running carry.
__global__ void scan_tiles_kernel(const double *__restrict__ tile_max, std::size_t tiles, double *__restrict__ carry) {
    __shared__ double sw[SCAN_WARPS];
    __shared__ double chunk_total;
    const unsigned lane = threadIdx.x & 31u, warp = threadIdx.x / 32;
    double running = -INFINITY;
    if (threadIdx.x == 0) carry[0] = -INFINITY;
    for (std::size_t c0 = 0; c0 < tiles; c0 += SCAN_BLOCK) {  // uniform over the block
        const std::size_t t = c0 + threadIdx.x;
        double v = t < tiles ? tile_max[t] : -INFINITY;
        v = warp_scan_max(v);
        if (lane == 31) sw[warp] = v;
        __syncthreads();
        if (warp == 0) {
            double s = sw[lane];  // SCAN_WARPS == 32
            s = warp_scan_max(s);
            sw[lane] = s;
            if (lane == 31) chunk_total = s;
        }
        __syncthreads();
        if (warp > 0) v = dmax(sw[warp - 1], v);
        if (t < tiles) carry[t + 1] = dmax(running, v);
        running = dmax(running, chunk_total);
        __syncthreads();  // sw and chunk_total are read before the next chunk overwrites them
    }
}

// Phase 3: every tile scanned warp by warp (ITEMS rounds of a 32-lane scan each, carried along), the warps' totals
// combined in shared memory, everything seeded with the tile's carry.
__global__ void tile_scan_kernel(const double *__restrict__ x, std::size_t n, std::size_t tiles,
                                 const double *__restrict__ carry, double *__restrict__ y) {
    __shared__ double sw[WARPS];
    const unsigned warp = threadIdx.x / 32;
    for (std::size_t t = blockIdx.x; t < tiles; t += gridDim.x) {  // uniform over the block
        double v[ITEMS];
        double running = -INFINITY;
#pragma unroll
        for (int u = 0; u < ITEMS; ++u) {
            const std::size_t i = tile_index(t, u);
            const double s = dmax(running, warp_scan_max(i < n ? x[i] : -INFINITY));
            v[u] = s;
            running = __shfl_sync(0xffffffffu, s, 31);
        }
        __syncthreads();  // sw is free
        if ((threadIdx.x & 31u) == 0) sw[warp] = running;
        __syncthreads();
        double prefix = carry[t];
        for (unsigned w = 0; w < warp; ++w) prefix = dmax(prefix, sw[w]);
#pragma unroll
        for (int u = 0; u < ITEMS; ++u) {
            const std::size_t i = tile_index(t, u);
            if (i < n) y[i] = dmax(prefix, v[u]);
        }
    }
}

}  // namespace

void prefix_max(const std::vector<double> &x, std::vector<double> &y) {
    const std::size_t n = x.size();
    if (n == 0) return;
    const std::size_t tiles = (n + TILE - 1) / TILE;
    const unsigned blocks = static_cast<unsigned>(std::min<std::size_t>(tiles, 65535u * 8u));
    double *d_x = nullptr, *d_y = nullptr, *d_tile = nullptr, *d_carry = nullptr;
    check(cudaMallocAsync(&d_x, n * sizeof(double), 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&d_y, n * sizeof(double), 0), "cudaMallocAsync y");
    check(cudaMallocAsync(&d_tile, tiles * sizeof(double), 0), "cudaMallocAsync tile maxima");
    check(cudaMallocAsync(&d_carry, (tiles + 1) * sizeof(double), 0), "cudaMallocAsync carries");
    check(cudaMemcpyAsync(d_x, x.data(), n * sizeof(double), cudaMemcpyHostToDevice, 0), "copy x to the device");
    tile_max_kernel<<<blocks, BLOCK>>>(d_x, n, tiles, d_tile);
    check(cudaGetLastError(), "tile_max_kernel launch");
    scan_tiles_kernel<<<1, SCAN_BLOCK>>>(d_tile, tiles, d_carry);
    check(cudaGetLastError(), "scan_tiles_kernel launch");
    tile_scan_kernel<<<blocks, BLOCK>>>(d_x, n, tiles, d_carry, d_y);
    check(cudaGetLastError(), "tile_scan_kernel launch");
    check(cudaMemcpyAsync(y.data(), d_y, n * sizeof(double), cudaMemcpyDeviceToHost, 0), "copy y to the host");
    check(cudaFreeAsync(d_x, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(d_y, 0), "cudaFreeAsync y");
    check(cudaFreeAsync(d_tile, 0), "cudaFreeAsync tile maxima");
    check(cudaFreeAsync(d_carry, 0), "cudaFreeAsync carries");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
