// CUDA reference of radix_sort_u32: stable LSD radix sort, four 8-bit passes, each a tile histogram kernel, a per-digit scan kernel and a warp-ranked (match_any) scatter kernel.
#include <cuda_runtime.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

void check(cudaError_t status, const char *what) {
    if (status != cudaSuccess) throw std::runtime_error(std::string(what) + ": " + cudaGetErrorString(status));
}

constexpr int BLOCK = 256, WARPS = BLOCK / 32, ITEMS = 16, RADIX = 256;
constexpr std::size_t WARP_SPAN = 32 * ITEMS;                                // elements per warp and tile
constexpr std::size_t TILE = static_cast<std::size_t>(BLOCK) * ITEMS;  // 4096 elements per tile
typedef unsigned long long u64;

// Element u of the calling thread in tile t: warp w owns tile elements [w * WARP_SPAN, (w + 1) * WARP_SPAN), in
// rounds of 32 consecutive elements (coalesced); lanes, then rounds, then warps, then tiles follow input order.
__device__ __forceinline__ std::size_t elem(std::size_t t, int u) {
    return t * TILE + static_cast<std::size_t>(threadIdx.x / 32) * WARP_SPAN + static_cast<std::size_t>(u) * 32 +
           (threadIdx.x & 31u);
}

// counts[d * tiles + t] = number of keys of tile t whose digit (key >> shift) & 255 is d.
__global__ void histogram_kernel(const unsigned *__restrict__ keys, std::size_t n, std::size_t tiles, int shift,
                                 u64 *__restrict__ counts) {
    __shared__ unsigned hist[RADIX];
    for (std::size_t t = blockIdx.x; t < tiles; t += gridDim.x) {  // uniform over the block
        __syncthreads();  // the previous tile's hist is written out
        for (int d = threadIdx.x; d < RADIX; d += blockDim.x) hist[d] = 0;
        __syncthreads();
#pragma unroll
        for (int u = 0; u < ITEMS; ++u) {
            const std::size_t i = elem(t, u);
            if (i < n) atomicAdd(&hist[(keys[i] >> shift) & (RADIX - 1)], 1u);
        }
        __syncthreads();
        for (int d = threadIdx.x; d < RADIX; d += blockDim.x) counts[static_cast<std::size_t>(d) * tiles + t] = hist[d];
    }
}

// Inclusive sum across the 32 lanes of a warp (all lanes active).
__device__ __forceinline__ u64 warp_inclusive_sum(u64 v) {
    const unsigned lane = threadIdx.x & 31u;
    for (int off = 1; off < 32; off <<= 1) {
        const u64 o = __shfl_up_sync(0xffffffffu, v, off);
        if (lane >= static_cast<unsigned>(off)) v += o;
    }
    return v;
}

// Exclusive sum over a block of BLOCK threads, with the block total in *total; scratch holds WARPS values.
// Every thread of the block must reach it; it begins and ends with a barrier, so scratch can be reused at once.
__device__ u64 block_exclusive_sum(u64 v, u64 *scratch, u64 *total) {
    const unsigned lane = threadIdx.x & 31u, warp = threadIdx.x / 32;
    const u64 inc = warp_inclusive_sum(v);
    __syncthreads();
    if (lane == 31) scratch[warp] = inc;
    __syncthreads();
    u64 before = 0, all = 0;
    for (unsigned w = 0; w < WARPS; ++w) {
        before += w < warp ? scratch[w] : 0;
        all += scratch[w];
    }
    *total = all;
    __syncthreads();
    return before + inc - v;
}

// Block d (one per digit): the row counts[d * tiles, (d + 1) * tiles) becomes its exclusive prefix sum (where the
// tiles' keys of digit d start among all keys of digit d), and totals[d] the number of keys of digit d.
__global__ void scan_counts_kernel(u64 *__restrict__ counts, std::size_t tiles, u64 *__restrict__ totals) {
    __shared__ u64 scratch[WARPS];
    for (std::size_t d = blockIdx.x; d < RADIX; d += gridDim.x) {  // uniform over the block
        u64 *row = counts + d * tiles;
        u64 running = 0;
        for (std::size_t c0 = 0; c0 < tiles; c0 += BLOCK) {  // uniform over the block
            const std::size_t t = c0 + threadIdx.x;
            const u64 v = t < tiles ? row[t] : 0;
            u64 chunk = 0;
            const u64 ex = block_exclusive_sum(v, scratch, &chunk);
            if (t < tiles) row[t] = running + ex;
            running += chunk;
        }
        if (threadIdx.x == 0) totals[d] = running;
    }
}

// Scatter of tile t: the keys of digit d go to (keys of smaller digits) + (keys of digit d in earlier tiles) +
// (keys of digit d in earlier warps of the tile) + (earlier rounds of the warp) + (lower lanes of the round with
// the same digit, found with __match_any_sync). All of it in input order, so the pass is stable.
__global__ void scatter_kernel(const unsigned *__restrict__ keys_in, unsigned *__restrict__ keys_out, std::size_t n,
                               std::size_t tiles, int shift, const u64 *__restrict__ counts,
                               const u64 *__restrict__ totals) {
    __shared__ u64 digit_start[RADIX];
    __shared__ u64 warp_offset[WARPS][RADIX];
    __shared__ u64 scratch[WARPS];
    const unsigned lane = threadIdx.x & 31u, warp = threadIdx.x / 32;
    const unsigned lanes_below = (1u << lane) - 1u;
    // where every digit starts in the output: exclusive sum of the totals (BLOCK == RADIX: one digit per thread)
    {
        u64 all = 0;
        digit_start[threadIdx.x] = block_exclusive_sum(totals[threadIdx.x], scratch, &all);
    }
    for (std::size_t t = blockIdx.x; t < tiles; t += gridDim.x) {  // uniform over the block
        for (int w = 0; w < WARPS; ++w) warp_offset[w][threadIdx.x] = 0;
        __syncthreads();
        unsigned key[ITEMS];
#pragma unroll
        for (int u = 0; u < ITEMS; ++u) {
            const std::size_t i = elem(t, u);
            key[u] = i < n ? keys_in[i] : 0u;
            if (i < n) atomicAdd(&warp_offset[warp][(key[u] >> shift) & (RADIX - 1)], u64{1});
        }
        __syncthreads();
        {  // thread d: the per-warp counts of digit d become the warps' start offsets
            const unsigned d = threadIdx.x;
            u64 pos = digit_start[d] + counts[static_cast<std::size_t>(d) * tiles + t];
            for (int w = 0; w < WARPS; ++w) {
                const u64 c = warp_offset[w][d];
                warp_offset[w][d] = pos;
                pos += c;
            }
        }
        __syncthreads();
#pragma unroll
        for (int u = 0; u < ITEMS; ++u) {
            const std::size_t i = elem(t, u);
            const bool valid = i < n;
            const unsigned d = valid ? (key[u] >> shift) & (RADIX - 1) : RADIX;  // RADIX: no digit
            const unsigned peers = __match_any_sync(0xffffffffu, d);
            const unsigned leader = static_cast<unsigned>(__ffs(peers)) - 1u;
            u64 base = 0;
            if (valid) base = warp_offset[warp][d];
            __syncwarp();
            if (valid && lane == leader) warp_offset[warp][d] = base + static_cast<unsigned>(__popc(peers));
            __syncwarp();
            if (valid) keys_out[base + static_cast<unsigned>(__popc(peers & lanes_below))] = key[u];
        }
        __syncthreads();  // warp_offset is reset for the next tile only after every warp is done
    }
}

}  // namespace

void radix_sort_u32(std::vector<uint32_t> &x) {
    static_assert(sizeof(unsigned) == sizeof(uint32_t), "unsigned is 32 bits");
    static_assert(BLOCK == RADIX, "scatter_kernel maps one digit to one thread");
    const std::size_t n = x.size();
    if (n < 2) return;
    const std::size_t tiles = (n + TILE - 1) / TILE;
    const unsigned blocks = static_cast<unsigned>(std::min<std::size_t>(tiles, 65535u * 8u));
    unsigned *d_a = nullptr, *d_b = nullptr;
    u64 *d_counts = nullptr, *d_totals = nullptr;
    check(cudaMallocAsync(&d_a, n * sizeof(unsigned), 0), "cudaMallocAsync keys");
    check(cudaMallocAsync(&d_b, n * sizeof(unsigned), 0), "cudaMallocAsync scratch keys");
    check(cudaMallocAsync(&d_counts, RADIX * tiles * sizeof(u64), 0), "cudaMallocAsync counts");
    check(cudaMallocAsync(&d_totals, RADIX * sizeof(u64), 0), "cudaMallocAsync totals");
    check(cudaMemcpyAsync(d_a, x.data(), n * sizeof(unsigned), cudaMemcpyHostToDevice, 0), "copy x to the device");
    unsigned *src = d_a, *dst = d_b;
    for (int shift = 0; shift < 32; shift += 8) {
        histogram_kernel<<<blocks, BLOCK>>>(src, n, tiles, shift, d_counts);
        check(cudaGetLastError(), "histogram_kernel launch");
        scan_counts_kernel<<<RADIX, BLOCK>>>(d_counts, tiles, d_totals);
        check(cudaGetLastError(), "scan_counts_kernel launch");
        scatter_kernel<<<blocks, BLOCK>>>(src, dst, n, tiles, shift, d_counts, d_totals);
        check(cudaGetLastError(), "scatter_kernel launch");
        std::swap(src, dst);
    }
    check(cudaMemcpyAsync(x.data(), src, n * sizeof(unsigned), cudaMemcpyDeviceToHost, 0), "copy x to the host");
    check(cudaFreeAsync(d_a, 0), "cudaFreeAsync keys");
    check(cudaFreeAsync(d_b, 0), "cudaFreeAsync scratch keys");
    check(cudaFreeAsync(d_counts, 0), "cudaFreeAsync counts");
    check(cudaFreeAsync(d_totals, 0), "cudaFreeAsync totals");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
