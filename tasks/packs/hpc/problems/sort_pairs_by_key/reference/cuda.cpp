// CUDA reference of sort_pairs_by_key: own stable LSD radix sort (4 passes of 8 bits) of (sign-flipped key,
// index) pairs, then one kernel that restores the keys and gathers the values by the sorted indices.
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

// A stable LSD radix sort with 8-bit digits, three kernels per pass. Tiles of RS_TILE keys: rs_hist counts the
// digits of every tile (digit-major: counts[d * tiles + t]), rs_scan turns each digit's row into exclusive
// offsets (one block per digit) and the digit totals, rs_scatter ranks the keys of its tile stably (256 at a time:
// warp ranks by __match_any_sync, the counts of the earlier warps from shared memory) and writes them out.
constexpr int RS_THREADS = 256;
constexpr int RS_ITEMS = 16;
constexpr unsigned RS_TILE = RS_THREADS * RS_ITEMS;
constexpr unsigned FULL = 0xffffffffu;

// Exclusive prefix sum of v over the block (every thread must call it); total gets the block's sum.
// ws: 32 unsigned in shared memory.
__device__ unsigned block_exclusive_scan(unsigned v, unsigned *ws, unsigned &total) {
    const unsigned lane = threadIdx.x & 31u, warp = threadIdx.x >> 5, nwarps = blockDim.x >> 5;
    unsigned x = v;
    for (unsigned o = 1; o < 32; o <<= 1) {
        const unsigned y = __shfl_up_sync(FULL, x, o);
        if (lane >= o) x += y;
    }
    if (lane == 31) ws[warp] = x;
    __syncthreads();
    if (warp == 0) {
        unsigned w = lane < nwarps ? ws[lane] : 0u;
        for (unsigned o = 1; o < 32; o <<= 1) {
            const unsigned y = __shfl_up_sync(FULL, w, o);
            if (lane >= o) w += y;
        }
        ws[lane] = w;
    }
    __syncthreads();
    const unsigned before = warp ? ws[warp - 1] : 0u;
    total = ws[nwarps - 1];
    __syncthreads();  // ws may be reused by the next call
    return before + x - v;
}

template <class K>
__global__ void rs_hist(const K *__restrict__ keys, unsigned n, int shift, unsigned *__restrict__ counts,
                        unsigned tiles) {
    __shared__ unsigned h[256];
    h[threadIdx.x] = 0;
    __syncthreads();
    const std::size_t base = static_cast<std::size_t>(blockIdx.x) * RS_TILE;
    for (int r = 0; r < RS_ITEMS; ++r) {
        const std::size_t i = base + static_cast<std::size_t>(r) * RS_THREADS + threadIdx.x;
        if (i < n) atomicAdd(&h[static_cast<unsigned>(keys[i] >> shift) & 255u], 1u);
    }
    __syncthreads();
    counts[static_cast<std::size_t>(threadIdx.x) * tiles + blockIdx.x] = h[threadIdx.x];
}

// Block d (1024 threads): the exclusive scan of counts[d * tiles, (d + 1) * tiles) in place; digit_tot[d] = sum.
__global__ void rs_scan(unsigned *__restrict__ counts, unsigned tiles, unsigned *__restrict__ digit_tot) {
    __shared__ unsigned ws[32];
    unsigned *row = counts + static_cast<std::size_t>(blockIdx.x) * tiles;
    unsigned carry = 0;
    for (unsigned start = 0; start < tiles; start += blockDim.x) {
        const unsigned i = start + threadIdx.x;
        const unsigned v = i < tiles ? row[i] : 0u;
        unsigned tot = 0;
        const unsigned ex = block_exclusive_scan(v, ws, tot);
        if (i < tiles) row[i] = carry + ex;
        carry += tot;
    }
    if (threadIdx.x == 0) digit_tot[blockIdx.x] = carry;
}

template <class K, bool HAS_VAL>
__global__ void rs_scatter(const K *__restrict__ kin, K *__restrict__ kout, const unsigned *__restrict__ vin,
                           unsigned *__restrict__ vout, unsigned n, int shift, const unsigned *__restrict__ counts,
                           unsigned tiles, const unsigned *__restrict__ digit_tot) {
    __shared__ unsigned base[256];
    __shared__ unsigned wc[RS_THREADS / 32][256];
    __shared__ unsigned ws[32];
    const unsigned t = threadIdx.x, lane = t & 31u, warp = t >> 5;
    unsigned tot = 0;
    const unsigned start = block_exclusive_scan(digit_tot[t], ws, tot);  // digit t's first output position
    base[t] = start + counts[static_cast<std::size_t>(t) * tiles + blockIdx.x];
    for (int w = 0; w < RS_THREADS / 32; ++w) wc[w][t] = 0;
    __syncthreads();
    const unsigned lt_mask = (1u << lane) - 1u;
    const std::size_t tile_base = static_cast<std::size_t>(blockIdx.x) * RS_TILE;
    for (int r = 0; r < RS_ITEMS; ++r) {
        const std::size_t i = tile_base + static_cast<std::size_t>(r) * RS_THREADS + t;
        const bool valid = i < n;
        const K k = valid ? kin[i] : K(0);
        const unsigned d = valid ? (static_cast<unsigned>(k >> shift) & 255u) : 256u;
        const unsigned peers = __match_any_sync(FULL, d);
        const unsigned rank = __popc(peers & lt_mask);
        if (valid && rank == 0) wc[warp][d] = __popc(peers);
        __syncthreads();
        if (valid) {
            unsigned off = base[d] + rank;
            for (unsigned w = 0; w < warp; ++w) off += wc[w][d];
            kout[off] = k;
            if (HAS_VAL) vout[off] = vin[i];
        }
        __syncthreads();
        unsigned s = 0;
        for (int w = 0; w < RS_THREADS / 32; ++w) {
            s += wc[w][t];
            wc[w][t] = 0;
        }
        base[t] += s;
        __syncthreads();
    }
}

// Sorts the n keys in keys[0] by their low `bits` bits (a multiple of 8), carrying vals[0] along when HAS_VAL;
// keys[1] and vals[1] are buffers of the same size. The pointers are swapped after every pass: the result is in
// keys[0] (vals[0]) on return. n < 2^32.
template <class K, bool HAS_VAL>
void radix_sort(K *keys[2], unsigned *vals[2], unsigned n, int bits) {
    const unsigned tiles = (n + RS_TILE - 1) / RS_TILE;
    unsigned *counts = nullptr, *digit_tot = nullptr;
    check(cudaMallocAsync(&counts, static_cast<std::size_t>(tiles) * 256 * sizeof(unsigned), 0),
          "cudaMallocAsync radix counts");
    check(cudaMallocAsync(&digit_tot, 256 * sizeof(unsigned), 0), "cudaMallocAsync radix digit totals");
    for (int shift = 0; shift < bits; shift += 8) {
        rs_hist<K><<<tiles, RS_THREADS>>>(keys[0], n, shift, counts, tiles);
        check(cudaGetLastError(), "rs_hist launch");
        rs_scan<<<256, 1024>>>(counts, tiles, digit_tot);
        check(cudaGetLastError(), "rs_scan launch");
        rs_scatter<K, HAS_VAL><<<tiles, RS_THREADS>>>(keys[0], keys[1], HAS_VAL ? vals[0] : nullptr,
                                                      HAS_VAL ? vals[1] : nullptr, n, shift, counts, tiles,
                                                      digit_tot);
        check(cudaGetLastError(), "rs_scatter launch");
        std::swap(keys[0], keys[1]);
        if (HAS_VAL) std::swap(vals[0], vals[1]);
    }
    check(cudaFreeAsync(counts, 0), "cudaFreeAsync radix counts");
    check(cudaFreeAsync(digit_tot, 0), "cudaFreeAsync radix digit totals");
}

// Flipping the sign bit makes the unsigned order of the key the signed order; index i starts at position i,
// and the radix sort is stable, so equal keys keep their original order.
__global__ void init_kernel(const int32_t *__restrict__ keys, uint32_t *__restrict__ ukeys,
                            uint32_t *__restrict__ idx, std::size_t n) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        ukeys[i] = static_cast<uint32_t>(keys[i]) ^ 0x80000000u;
        idx[i] = static_cast<uint32_t>(i);
    }
}

__global__ void finish_kernel(const uint32_t *__restrict__ ukeys, const uint32_t *__restrict__ idx,
                              const double *__restrict__ values, int32_t *__restrict__ keys_out,
                              double *__restrict__ values_out, std::size_t n) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        keys_out[i] = static_cast<int32_t>(ukeys[i] ^ 0x80000000u);
        values_out[i] = values[idx[i]];
    }
}

}  // namespace

void sort_pairs_by_key(std::vector<int32_t> &keys, std::vector<double> &values) {
    const std::size_t n = keys.size();
    if (n <= 1) return;
    if (n >= 0xffffffffULL) throw std::runtime_error("sort_pairs_by_key: n must be below 2^32");
    int32_t *dkeys = nullptr;
    double *dvals = nullptr, *dvals_out = nullptr;
    uint32_t *uk[2] = {nullptr, nullptr}, *ix[2] = {nullptr, nullptr};
    check(cudaMallocAsync(&dkeys, n * sizeof(int32_t), 0), "cudaMallocAsync keys");
    check(cudaMallocAsync(&dvals, n * sizeof(double), 0), "cudaMallocAsync values");
    check(cudaMallocAsync(&dvals_out, n * sizeof(double), 0), "cudaMallocAsync sorted values");
    for (int b = 0; b < 2; ++b) {
        check(cudaMallocAsync(&uk[b], n * sizeof(uint32_t), 0), "cudaMallocAsync key buffer");
        check(cudaMallocAsync(&ix[b], n * sizeof(uint32_t), 0), "cudaMallocAsync index buffer");
    }
    check(cudaMemcpyAsync(dkeys, keys.data(), n * sizeof(int32_t), cudaMemcpyHostToDevice, 0), "copy keys");
    check(cudaMemcpyAsync(dvals, values.data(), n * sizeof(double), cudaMemcpyHostToDevice, 0), "copy values");

    const int block = 256;
    const unsigned blocks = static_cast<unsigned>(std::min<std::size_t>((n + block - 1) / block, 65535u * 8u));
    init_kernel<<<blocks, block>>>(dkeys, uk[0], ix[0], n);
    check(cudaGetLastError(), "init_kernel launch");
    radix_sort<uint32_t, true>(uk, ix, static_cast<unsigned>(n), 32);
    finish_kernel<<<blocks, block>>>(uk[0], ix[0], dvals, dkeys, dvals_out, n);
    check(cudaGetLastError(), "finish_kernel launch");

    check(cudaMemcpyAsync(keys.data(), dkeys, n * sizeof(int32_t), cudaMemcpyDeviceToHost, 0), "copy keys back");
    check(cudaMemcpyAsync(values.data(), dvals_out, n * sizeof(double), cudaMemcpyDeviceToHost, 0),
          "copy values back");
    check(cudaFreeAsync(dkeys, 0), "cudaFreeAsync keys");
    check(cudaFreeAsync(dvals, 0), "cudaFreeAsync values");
    check(cudaFreeAsync(dvals_out, 0), "cudaFreeAsync sorted values");
    for (int b = 0; b < 2; ++b) {
        check(cudaFreeAsync(uk[b], 0), "cudaFreeAsync key buffer");
        check(cudaFreeAsync(ix[b], 0), "cudaFreeAsync index buffer");
    }
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
