// CUDA reference of nearest_value: (value, index) pairs sorted on the device by a stable LSD radix sort of order-preserving 64-bit keys (equal values stay in index order), then one thread per query with branchless binary searches.
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

typedef unsigned long long u64;
constexpr int BLOCK = 256, WARPS = BLOCK / 32, ITEMS = 8, RADIX = 256;
constexpr std::size_t WARP_SPAN = 32 * ITEMS;                           // elements per warp and tile
constexpr std::size_t TILE = static_cast<std::size_t>(BLOCK) * ITEMS;  // 2048 elements per tile
constexpr u64 SIGN = 1ull << 63;

// A key whose unsigned order is the order of the doubles (finite values); -0.0 is first turned into +0.0, since the
// two compare equal and must form one run.
__device__ __forceinline__ u64 to_key(double v) {
    const u64 u = static_cast<u64>(__double_as_longlong(v + 0.0));
    return (u & SIGN) ? ~u : (u | SIGN);
}

__device__ __forceinline__ double from_key(u64 key) {
    return __longlong_as_double(static_cast<long long>((key & SIGN) ? (key ^ SIGN) : ~key));
}

// keys[i] = the key of values[i], idx[i] = i.
__global__ void make_pairs_kernel(const double *__restrict__ values, std::size_t n, u64 *__restrict__ keys,
                                  u64 *__restrict__ idx) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        keys[i] = to_key(values[i]);
        idx[i] = i;
    }
}

// ---- stable LSD radix sort pass (8-bit digit at `shift`) of (key, value) pairs ----

// Element u of the calling thread in tile t: warp w owns tile elements [w * WARP_SPAN, (w + 1) * WARP_SPAN), in
// rounds of 32 consecutive elements (coalesced); lanes, then rounds, then warps, then tiles follow input order.
__device__ __forceinline__ std::size_t elem(std::size_t t, int u) {
    return t * TILE + static_cast<std::size_t>(threadIdx.x / 32) * WARP_SPAN + static_cast<std::size_t>(u) * 32 +
           (threadIdx.x & 31u);
}

// counts[d * tiles + t] = number of keys of tile t whose digit is d.
__global__ void histogram_kernel(const u64 *__restrict__ keys, std::size_t n, std::size_t tiles, int shift,
                                 u64 *__restrict__ counts) {
    __shared__ unsigned hist[RADIX];
    for (std::size_t t = blockIdx.x; t < tiles; t += gridDim.x) {  // uniform over the block
        __syncthreads();  // the previous tile's hist is written out
        for (int d = threadIdx.x; d < RADIX; d += blockDim.x) hist[d] = 0;
        __syncthreads();
#pragma unroll
        for (int u = 0; u < ITEMS; ++u) {
            const std::size_t i = elem(t, u);
            if (i < n) atomicAdd(&hist[static_cast<unsigned>(keys[i] >> shift) & (RADIX - 1)], 1u);
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

// Block d (one per digit): the row counts[d * tiles, (d + 1) * tiles) becomes its exclusive prefix sum, and
// totals[d] the number of keys of digit d.
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

// Scatter of tile t: a pair of digit d goes to (keys of smaller digits) + (keys of digit d in earlier tiles) +
// (in earlier warps of the tile) + (in earlier rounds of the warp) + (lower lanes of the round with the same
// digit, from __match_any_sync). All in input order, so the pass is stable.
__global__ void scatter_kernel(const u64 *__restrict__ keys_in, const u64 *__restrict__ vals_in,
                               u64 *__restrict__ keys_out, u64 *__restrict__ vals_out, std::size_t n,
                               std::size_t tiles, int shift, const u64 *__restrict__ counts,
                               const u64 *__restrict__ totals) {
    __shared__ u64 digit_start[RADIX];
    __shared__ u64 warp_offset[WARPS][RADIX];
    __shared__ u64 scratch[WARPS];
    const unsigned lane = threadIdx.x & 31u, warp = threadIdx.x / 32;
    const unsigned lanes_below = (1u << lane) - 1u;
    {  // where every digit starts in the output (BLOCK == RADIX: one digit per thread)
        u64 all = 0;
        digit_start[threadIdx.x] = block_exclusive_sum(totals[threadIdx.x], scratch, &all);
    }
    for (std::size_t t = blockIdx.x; t < tiles; t += gridDim.x) {  // uniform over the block
        for (int w = 0; w < WARPS; ++w) warp_offset[w][threadIdx.x] = 0;
        __syncthreads();
        u64 key[ITEMS];
#pragma unroll
        for (int u = 0; u < ITEMS; ++u) {
            const std::size_t i = elem(t, u);
            key[u] = i < n ? keys_in[i] : 0ull;
            if (i < n) atomicAdd(&warp_offset[warp][static_cast<unsigned>(key[u] >> shift) & (RADIX - 1)], u64{1});
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
            const unsigned d = valid ? static_cast<unsigned>(key[u] >> shift) & (RADIX - 1) : RADIX;  // RADIX: none
            const unsigned peers = __match_any_sync(0xffffffffu, d);
            const unsigned leader = static_cast<unsigned>(__ffs(peers)) - 1u;
            u64 base = 0;
            if (valid) base = warp_offset[warp][d];
            __syncwarp();
            if (valid && lane == leader) warp_offset[warp][d] = base + static_cast<unsigned>(__popc(peers));
            __syncwarp();
            if (valid) {
                const u64 dst = base + static_cast<unsigned>(__popc(peers & lanes_below));
                keys_out[dst] = key[u];
                vals_out[dst] = vals_in[i];
            }
        }
        __syncthreads();  // warp_offset is reset for the next tile only after every warp is done
    }
}

// ---- queries ----

// sorted[i] = the double of key i.
__global__ void decode_kernel(const u64 *__restrict__ keys, std::size_t n, double *__restrict__ sorted) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride)
        sorted[i] = from_key(keys[i]);
}

// The first position in a[0, len) whose value is >= x (len when none); the same steps for every query.
__device__ __forceinline__ std::size_t lower_bound(const double *__restrict__ a, std::size_t len, double x) {
    if (len == 0) return 0;
    std::size_t base = 0;
    while (len > 1) {
        const std::size_t half = len / 2;
        base = __ldg(a + base + half - 1) < x ? base + half : base;
        len -= half;
    }
    return base + (__ldg(a + base) < x ? 1 : 0);
}

// For every query: the nearest value at or above it (the first of its run: the smallest index) against the
// nearest value below it (the first of its run, found by a second search), ties to the smaller index.
__global__ void query_kernel(const double *__restrict__ sorted, const u64 *__restrict__ idx, std::size_t n,
                             const double *__restrict__ queries, std::size_t q, long long *__restrict__ result) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t j = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; j < q; j += stride) {
        const double x = queries[j];
        const std::size_t pos = lower_bound(sorted, n, x);
        long long best = -1;
        double best_dist = 0.0;
        if (pos < n) {
            best = static_cast<long long>(idx[pos]);
            best_dist = sorted[pos] - x;
        }
        if (pos > 0) {
            const double v = sorted[pos - 1];
            const std::size_t first = lower_bound(sorted, pos, v);
            const double dist = x - v;
            const long long i = static_cast<long long>(idx[first]);
            if (best < 0 || dist < best_dist || (dist == best_dist && i < best)) best = i;
        }
        result[j] = best;
    }
}

}  // namespace

void nearest_value(const std::vector<double> &values, const std::vector<double> &queries,
                   std::vector<int64_t> &result) {
    static_assert(sizeof(long long) == sizeof(int64_t), "int64_t is long long wide");
    static_assert(BLOCK == RADIX, "scatter_kernel maps one digit to one thread");
    const std::size_t n = values.size(), q = queries.size();
    if (q == 0) return;
    if (n == 0) {  // no value to point at (excluded by the spec)
        std::fill(result.begin(), result.end(), int64_t{-1});
        return;
    }
    const std::size_t tiles = (n + TILE - 1) / TILE;
    const unsigned tblocks = static_cast<unsigned>(std::min<std::size_t>(tiles, 65535u * 8u));
    const unsigned nblocks = static_cast<unsigned>(std::min<std::size_t>((n + BLOCK - 1) / BLOCK, 65535u * 8u));
    const unsigned qblocks = static_cast<unsigned>(std::min<std::size_t>((q + BLOCK - 1) / BLOCK, 65535u * 8u));
    double *d_values = nullptr, *d_queries = nullptr;
    u64 *d_keys[2] = {nullptr, nullptr}, *d_idx[2] = {nullptr, nullptr}, *d_counts = nullptr, *d_totals = nullptr;
    long long *d_result = nullptr;
    check(cudaMallocAsync(&d_values, n * sizeof(double), 0), "cudaMallocAsync values");
    check(cudaMallocAsync(&d_queries, q * sizeof(double), 0), "cudaMallocAsync queries");
    check(cudaMallocAsync(&d_result, q * sizeof(long long), 0), "cudaMallocAsync result");
    for (int b = 0; b < 2; ++b) {
        check(cudaMallocAsync(&d_keys[b], n * sizeof(u64), 0), "cudaMallocAsync keys");
        check(cudaMallocAsync(&d_idx[b], n * sizeof(u64), 0), "cudaMallocAsync indices");
    }
    check(cudaMallocAsync(&d_counts, RADIX * tiles * sizeof(u64), 0), "cudaMallocAsync counts");
    check(cudaMallocAsync(&d_totals, RADIX * sizeof(u64), 0), "cudaMallocAsync totals");
    check(cudaMemcpyAsync(d_values, values.data(), n * sizeof(double), cudaMemcpyHostToDevice, 0),
          "copy values to the device");
    check(cudaMemcpyAsync(d_queries, queries.data(), q * sizeof(double), cudaMemcpyHostToDevice, 0),
          "copy queries to the device");
    make_pairs_kernel<<<nblocks, BLOCK>>>(d_values, n, d_keys[0], d_idx[0]);
    check(cudaGetLastError(), "make_pairs_kernel launch");
    int cur = 0;
    for (int shift = 0; shift < 64; shift += 8) {
        histogram_kernel<<<tblocks, BLOCK>>>(d_keys[cur], n, tiles, shift, d_counts);
        check(cudaGetLastError(), "histogram_kernel launch");
        scan_counts_kernel<<<RADIX, BLOCK>>>(d_counts, tiles, d_totals);
        check(cudaGetLastError(), "scan_counts_kernel launch");
        scatter_kernel<<<tblocks, BLOCK>>>(d_keys[cur], d_idx[cur], d_keys[1 - cur], d_idx[1 - cur], n, tiles, shift,
                                           d_counts, d_totals);
        check(cudaGetLastError(), "scatter_kernel launch");
        cur = 1 - cur;
    }
    // the sorted doubles overwrite the (no longer needed) values buffer
    decode_kernel<<<nblocks, BLOCK>>>(d_keys[cur], n, d_values);
    check(cudaGetLastError(), "decode_kernel launch");
    query_kernel<<<qblocks, BLOCK>>>(d_values, d_idx[cur], n, d_queries, q, d_result);
    check(cudaGetLastError(), "query_kernel launch");
    check(cudaMemcpyAsync(result.data(), d_result, q * sizeof(long long), cudaMemcpyDeviceToHost, 0),
          "copy result to the host");
    check(cudaFreeAsync(d_values, 0), "cudaFreeAsync values");
    check(cudaFreeAsync(d_queries, 0), "cudaFreeAsync queries");
    check(cudaFreeAsync(d_result, 0), "cudaFreeAsync result");
    for (int b = 0; b < 2; ++b) {
        check(cudaFreeAsync(d_keys[b], 0), "cudaFreeAsync keys");
        check(cudaFreeAsync(d_idx[b], 0), "cudaFreeAsync indices");
    }
    check(cudaFreeAsync(d_counts, 0), "cudaFreeAsync counts");
    check(cudaFreeAsync(d_totals, 0), "cudaFreeAsync totals");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
