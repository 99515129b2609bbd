// CUDA reference of segmented_scan: three-phase scan of (head flag, sum) pairs: per-tile aggregates, a one-block exclusive scan of them, then per-tile warp-shuffle scans seeded with the tile's carry.
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

constexpr int BLOCK = 256, WARPS = BLOCK / 32, ITEMS = 8;
constexpr std::size_t TILE = static_cast<std::size_t>(BLOCK) * ITEMS;  // 2048 elements
constexpr int SCAN_BLOCK = 1024, SCAN_WARPS = SCAN_BLOCK / 32;

// A run of consecutive elements: the sum since the last head inside it (or since its start when it holds no
// head), and whether it holds a head. (0, 0) is the identity.
struct Seg {
    long long sum;
    int head;
};

// a followed by b (a earlier): associative, not commutative.
__device__ __forceinline__ Seg combine(const Seg &a, const Seg &b) {
    return Seg{b.head ? b.sum : a.sum + b.sum, a.head | b.head};
}

__device__ __forceinline__ Seg shfl_up(const Seg &s, int off) {
    return Seg{__shfl_up_sync(0xffffffffu, s.sum, off), __shfl_up_sync(0xffffffffu, s.head, off)};
}

__device__ __forceinline__ Seg shfl_idx(const Seg &s, int lane) {
    return Seg{__shfl_sync(0xffffffffu, s.sum, lane), __shfl_sync(0xffffffffu, s.head, lane)};
}

// Inclusive scan across the 32 lanes of a warp (all lanes active), lane order = element order.
__device__ __forceinline__ Seg warp_scan(Seg v) {
    const unsigned lane = threadIdx.x & 31u;
    for (int off = 1; off < 32; off <<= 1) {
        const Seg o = shfl_up(v, off);
        if (lane >= static_cast<unsigned>(off)) v = combine(o, v);
    }
    return v;
}

// Element u of thread threadIdx.x in tile t: warp w covers tile elements [w * 256, (w + 1) * 256), lane l takes
// w * 256 + u * 32 + l (coalesced).
__device__ __forceinline__ std::size_t tile_index(std::size_t t, int u) {
    return t * TILE + static_cast<std::size_t>(threadIdx.x / 32) * (32 * ITEMS) + static_cast<std::size_t>(u) * 32 +
           (threadIdx.x & 31u);
}

// Element i as a pair (element 0 is not forced to be a head: the identity seeds the scan, which has the same effect).
__device__ __forceinline__ Seg load(const long long *__restrict__ v, const unsigned char *__restrict__ f, std::size_t i,
                                    std::size_t n) {
    return i < n ? Seg{v[i], f[i] != 0 ? 1 : 0} : Seg{0, 0};
}

// Scan of the tile's ITEMS rounds per warp: out[u] = the warp's inclusive prefix at round u; returns the warp's
// aggregate (valid in every lane).
__device__ __forceinline__ Seg warp_tile_scan(const long long *__restrict__ v, const unsigned char *__restrict__ f,
                                              std::size_t n, std::size_t t, Seg *out) {
    Seg running{0, 0};
#pragma unroll
    for (int u = 0; u < ITEMS; ++u) {
        const Seg s = combine(running, warp_scan(load(v, f, tile_index(t, u), n)));
        out[u] = s;
        running = shfl_idx(s, 31);
    }
    return running;
}

// Phase 1: agg[t] = the aggregate of tile t.
__global__ void tile_aggregate_kernel(const long long *__restrict__ v, const unsigned char *__restrict__ f,
                                      std::size_t n, std::size_t tiles, Seg *__restrict__ agg) {
    __shared__ Seg sw[WARPS];
    for (std::size_t t = blockIdx.x; t < tiles; t += gridDim.x) {  // uniform over the block
        Seg s[ITEMS];
        const Seg total = warp_tile_scan(v, f, n, t, s);
        __syncthreads();  // sw is free
        if ((threadIdx.x & 31u) == 0) sw[threadIdx.x / 32] = total;
        __syncthreads();
        if (threadIdx.x == 0) {
            Seg a = sw[0];
            for (int w = 1; w < WARPS; ++w) a = combine(a, sw[w]);
            agg[t] = a;
        }
    }
}

// Phase 2 (one block of SCAN_BLOCK threads): carry[0] = identity, carry[t + 1] = agg[0] ... agg[t] combined,
// chunk by chunk with a running carry.
__global__ void scan_tiles_kernel(const Seg *__restrict__ agg, std::size_t tiles, Seg *__restrict__ carry) {
    __shared__ Seg sw[SCAN_WARPS];
    __shared__ Seg chunk_total;
    const unsigned lane = threadIdx.x & 31u, warp = threadIdx.x / 32;
    Seg running{0, 0};
    if (threadIdx.x == 0) carry[0] = Seg{0, 0};
    for (std::size_t c0 = 0; c0 < tiles; c0 += SCAN_BLOCK) {  // uniform over the block
        const std::size_t t = c0 + threadIdx.x;
        Seg x = warp_scan(t < tiles ? agg[t] : Seg{0, 0});
        if (lane == 31) sw[warp] = x;
        __syncthreads();
        if (warp == 0) {
            const Seg s = warp_scan(sw[lane]);  // SCAN_WARPS == 32
            sw[lane] = s;
            if (lane == 31) chunk_total = s;
        }
        __syncthreads();
        if (warp > 0) x = combine(sw[warp - 1], x);
        if (t < tiles) carry[t + 1] = combine(running, x);
        running = combine(running, chunk_total);
        __syncthreads();  // sw and chunk_total are read before the next chunk overwrites them
    }
}

// Phase 3: the tile scanned again, each warp's prefix = the tile's carry followed by the earlier warps' aggregates.
__global__ void tile_scan_kernel(const long long *__restrict__ v, const unsigned char *__restrict__ f, std::size_t n,
                                 std::size_t tiles, const Seg *__restrict__ carry, long long *__restrict__ out) {
    __shared__ Seg sw[WARPS];
    const unsigned warp = threadIdx.x / 32;
    for (std::size_t t = blockIdx.x; t < tiles; t += gridDim.x) {  // uniform over the block
        Seg s[ITEMS];
        const Seg total = warp_tile_scan(v, f, n, t, s);
        __syncthreads();  // sw is free
        if ((threadIdx.x & 31u) == 0) sw[warp] = total;
        __syncthreads();
        Seg prefix = carry[t];
        for (unsigned w = 0; w < warp; ++w) prefix = combine(prefix, sw[w]);
#pragma unroll
        for (int u = 0; u < ITEMS; ++u) {
            const std::size_t i = tile_index(t, u);
            if (i < n) out[i] = combine(prefix, s[u]).sum;
        }
    }
}

}  // namespace

void segmented_scan(const std::vector<int64_t> &values, const std::vector<uint8_t> &flags, std::vector<int64_t> &out) {
    static_assert(sizeof(long long) == sizeof(int64_t), "int64_t is long long wide");
    const std::size_t n = values.size();
    if (n == 0) return;
    const std::size_t tiles = (n + TILE - 1) / TILE;
    const unsigned blocks = static_cast<unsigned>(std::min<std::size_t>(tiles, 65535u * 8u));
    long long *d_v = nullptr, *d_out = nullptr;
    unsigned char *d_f = nullptr;
    Seg *d_agg = nullptr, *d_carry = nullptr;
    check(cudaMallocAsync(&d_v, n * sizeof(long long), 0), "cudaMallocAsync values");
    check(cudaMallocAsync(&d_f, n, 0), "cudaMallocAsync flags");
    check(cudaMallocAsync(&d_out, n * sizeof(long long), 0), "cudaMallocAsync out");
    check(cudaMallocAsync(&d_agg, tiles * sizeof(Seg), 0), "cudaMallocAsync tile aggregates");
    check(cudaMallocAsync(&d_carry, (tiles + 1) * sizeof(Seg), 0), "cudaMallocAsync carries");
    check(cudaMemcpyAsync(d_v, values.data(), n * sizeof(long long), cudaMemcpyHostToDevice, 0),
          "copy values to the device");
    check(cudaMemcpyAsync(d_f, flags.data(), n, cudaMemcpyHostToDevice, 0), "copy flags to the device");
    tile_aggregate_kernel<<<blocks, BLOCK>>>(d_v, d_f, n, tiles, d_agg);
    check(cudaGetLastError(), "tile_aggregate_kernel launch");
    scan_tiles_kernel<<<1, SCAN_BLOCK>>>(d_agg, tiles, d_carry);
    check(cudaGetLastError(), "scan_tiles_kernel launch");
    tile_scan_kernel<<<blocks, BLOCK>>>(d_v, d_f, n, tiles, d_carry, d_out);
    check(cudaGetLastError(), "tile_scan_kernel launch");
    check(cudaMemcpyAsync(out.data(), d_out, n * sizeof(long long), cudaMemcpyDeviceToHost, 0), "copy out to the host");
    check(cudaFreeAsync(d_v, 0), "cudaFreeAsync values");
    check(cudaFreeAsync(d_f, 0), "cudaFreeAsync flags");
    check(cudaFreeAsync(d_out, 0), "cudaFreeAsync out");
    check(cudaFreeAsync(d_agg, 0), "cudaFreeAsync tile aggregates");
    check(cudaFreeAsync(d_carry, 0), "cudaFreeAsync carries");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
