// CUDA reference of mean_variance: exact two-pass moments per 2048-element tile held in registers, merged (Chan, Golub, LeVeque) per block and then across blocks by a one-block tree.
#include <cuda_runtime.h>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

void check(cudaError_t status, const char *what) {
    if (status != cudaSuccess) throw std::runtime_error(std::string(what) + ": " + cudaGetErrorString(status));
}

constexpr int BLOCK = 256, WARPS = BLOCK / 32, ITEMS = 8;
constexpr std::size_t TILE = static_cast<std::size_t>(BLOCK) * ITEMS;

// Count, mean and sum of squared deviations from the mean (M2) of some elements.
struct Moments {
    double n, mean, m2;
};

// Folds b into a: the pairwise update of Chan, Golub and LeVeque.
__device__ void merge(Moments &a, const Moments &b) {
    if (b.n == 0.0) return;
    if (a.n == 0.0) {
        a = b;
        return;
    }
    const double n = a.n + b.n, d = b.mean - a.mean;
    a.mean += d * (b.n / n);
    a.m2 += b.m2 + d * d * (a.n * b.n / n);
    a.n = n;
}

// Sum of v over the block, returned to every thread. scratch holds WARPS doubles; the leading barrier protects it
// from the previous call's readers. Must be reached by every thread of the block.
__device__ double block_sum(double v, double *scratch) {
    for (int off = 16; off > 0; off >>= 1) v += __shfl_down_sync(0xffffffffu, v, off);
    __syncthreads();
    if ((threadIdx.x & 31u) == 0) scratch[threadIdx.x / 32] = v;
    __syncthreads();
    double s = 0.0;
    for (int w = 0; w < WARPS; ++w) s += scratch[w];
    return s;
}

// Each block takes tiles blockIdx.x, blockIdx.x + gridDim.x, ...: the tile's values are loaded once into
// registers (coalesced), its exact mean is a block sum divided by its length, its M2 a second block sum of the
// squared deviations of the same registers; thread 0 merges the tiles in order and writes the block's moments.
__global__ void tile_moments_kernel(const double *__restrict__ x, std::size_t n, Moments *__restrict__ parts) {
    __shared__ double scratch[WARPS];
    Moments acc{0.0, 0.0, 0.0};
    const std::size_t tiles = (n + TILE - 1) / TILE;
    for (std::size_t t = blockIdx.x; t < tiles; t += gridDim.x) {
        const std::size_t base = t * TILE;
        const std::size_t len = n - base < TILE ? n - base : TILE;
        double v[ITEMS];
        double s = 0.0;
#pragma unroll
        for (int u = 0; u < ITEMS; ++u) {
            const std::size_t i = base + static_cast<std::size_t>(u) * BLOCK + threadIdx.x;
            v[u] = i < n ? x[i] : 0.0;
            s += v[u];
        }
        const double mean = block_sum(s, scratch) / static_cast<double>(len);
        double q = 0.0;
#pragma unroll
        for (int u = 0; u < ITEMS; ++u) {
            const std::size_t i = base + static_cast<std::size_t>(u) * BLOCK + threadIdx.x;
            const double d = v[u] - mean;
            q += i < n ? d * d : 0.0;
        }
        const double m2 = block_sum(q, scratch);
        if (threadIdx.x == 0) merge(acc, Moments{static_cast<double>(len), mean, m2});
    }
    if (threadIdx.x == 0) parts[blockIdx.x] = acc;
}

// One block of BLOCK threads: thread t merges parts t, t + BLOCK, ...; then a tree merge in shared memory.
__global__ void merge_kernel(const Moments *__restrict__ parts, std::size_t nparts, Moments *__restrict__ out) {
    __shared__ Moments sm[BLOCK];
    Moments acc{0.0, 0.0, 0.0};
    for (std::size_t p = threadIdx.x; p < nparts; p += blockDim.x) merge(acc, parts[p]);
    sm[threadIdx.x] = acc;
    __syncthreads();
    for (int s = BLOCK / 2; s > 0; s >>= 1) {
        if (static_cast<int>(threadIdx.x) < s) merge(sm[threadIdx.x], sm[threadIdx.x + s]);
        __syncthreads();
    }
    if (threadIdx.x == 0) *out = sm[0];
}

}  // namespace

void mean_variance(const std::vector<double> &x, double &mean, double &variance) {
    const std::size_t n = x.size();
    if (n == 0) {
        mean = variance = std::numeric_limits<double>::quiet_NaN();
        return;
    }
    int device = 0, sms = 0;
    check(cudaGetDevice(&device), "cudaGetDevice");
    check(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, device), "cudaDeviceGetAttribute");
    const std::size_t tiles = (n + TILE - 1) / TILE;
    const std::size_t blocks = std::max<std::size_t>(1, std::min<std::size_t>(tiles, static_cast<std::size_t>(sms) * 8));
    double *d_x = nullptr;
    Moments *d_parts = nullptr, *d_total = nullptr;
    check(cudaMallocAsync(&d_x, n * sizeof(double), 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&d_parts, blocks * sizeof(Moments), 0), "cudaMallocAsync parts");
    check(cudaMallocAsync(&d_total, sizeof(Moments), 0), "cudaMallocAsync total");
    check(cudaMemcpyAsync(d_x, x.data(), n * sizeof(double), cudaMemcpyHostToDevice, 0), "copy x to the device");
    tile_moments_kernel<<<static_cast<unsigned>(blocks), BLOCK>>>(d_x, n, d_parts);
    check(cudaGetLastError(), "tile_moments_kernel launch");
    merge_kernel<<<1, BLOCK>>>(d_parts, blocks, d_total);
    check(cudaGetLastError(), "merge_kernel launch");
    Moments total{0.0, 0.0, 0.0};
    check(cudaMemcpyAsync(&total, d_total, sizeof(Moments), cudaMemcpyDeviceToHost, 0), "copy moments to the host");
    check(cudaFreeAsync(d_x, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(d_parts, 0), "cudaFreeAsync parts");
    check(cudaFreeAsync(d_total, 0), "cudaFreeAsync total");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
    mean = total.mean;
    variance = total.m2 / total.n;
}
