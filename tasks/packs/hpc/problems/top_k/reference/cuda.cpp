// CUDA reference of top_k: radix select on order-preserving 64-bit keys (8 histogram passes of 8 bits, each
// followed by a one-block kernel that fixes the next byte of the k-th largest key T), then the keys above T and
// the needed copies of T are gathered (k of them) and sorted descending with an own LSD radix sort.
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

constexpr unsigned long long SIGN = 0x8000000000000000ULL;
constexpr int BLOCK = 256;

// The unsigned key whose order is the numeric order of the double (-0.0 just below +0.0).
__device__ __forceinline__ unsigned long long to_key(double d) {
    const unsigned long long u = static_cast<unsigned long long>(__double_as_longlong(d));
    return (u & SIGN) ? ~u : (u | SIGN);
}
__device__ __forceinline__ double from_key(unsigned long long k) {
    const unsigned long long u = (k & SIGN) ? (k & ~SIGN) : ~k;
    return __longlong_as_double(static_cast<long long>(u));
}

// The selection state: st[0] = the bytes of T fixed so far, st[1] = their mask, st[2] = how many of the k largest
// are still to come from the keys that match st[0] under st[1], st[3] = the gather counter.
__global__ void init_state_kernel(unsigned long long *st, unsigned long long *hist, unsigned long long k) {
    if (threadIdx.x == 0) {
        st[0] = 0;
        st[1] = 0;
        st[2] = k;
        st[3] = 0;
    }
    hist[threadIdx.x] = 0;  // 256 threads
}

// hist[d] += number of keys matching the fixed bytes whose byte at `shift` is d (warp-aggregated shared atomics:
// many keys share their high bytes).
__global__ void hist_kernel(const double *__restrict__ x, std::size_t n, int shift,
                            const unsigned long long *__restrict__ st, unsigned long long *__restrict__ hist) {
    __shared__ unsigned h[256];
    h[threadIdx.x] = 0;
    __syncthreads();
    const unsigned long long prefix = st[0], mask = st[1];
    const unsigned lane = threadIdx.x & 31u;
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    const std::size_t first = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x;
    // The loop bound is uniform over a warp (it steps by whole blocks), so __match_any_sync sees all 32 lanes.
    for (std::size_t base = first - lane; base < n; base += stride) {
        const std::size_t i = base + lane;
        unsigned bin = 256u;
        if (i < n) {
            const unsigned long long key = to_key(x[i]);
            if ((key & mask) == prefix) bin = static_cast<unsigned>(key >> shift) & 255u;
        }
        const unsigned peers = __match_any_sync(FULL, bin);
        if (bin < 256u && (peers & ((1u << lane) - 1u)) == 0) atomicAdd(&h[bin], static_cast<unsigned>(__popc(peers)));
    }
    __syncthreads();
    if (h[threadIdx.x]) atomicAdd(&hist[threadIdx.x], static_cast<unsigned long long>(h[threadIdx.x]));
}

// One block of 256 threads: fixes the byte at `shift` of T (the highest digit whose count, added to those of the
// higher digits, reaches the remaining count) and clears the histogram for the next pass.
__global__ void select_kernel(unsigned long long *st, unsigned long long *hist, int shift) {
    __shared__ unsigned long long h[256];
    h[threadIdx.x] = hist[threadIdx.x];
    hist[threadIdx.x] = 0;
    __syncthreads();
    if (threadIdx.x == 0) {
        unsigned long long rem = st[2];
        int d = 255;
        for (; d > 0; --d) {
            if (h[d] >= rem) break;
            rem -= h[d];
        }
        st[0] |= static_cast<unsigned long long>(d) << shift;
        st[1] |= 255ULL << shift;
        st[2] = rem;
    }
}

// buf gets the complement of every key above T (k - st[2] of them, in any order) and then st[2] copies of ~T:
// sorting the complements ascending orders the values descending.
__global__ void gather_kernel(const double *__restrict__ x, std::size_t n, unsigned long long *st,
                              unsigned long long *__restrict__ buf) {
    const unsigned long long T = st[0];
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        const unsigned long long key = to_key(x[i]);
        if (key > T) buf[atomicAdd(&st[3], 1ULL)] = ~key;
    }
}

__global__ void fill_kernel(const unsigned long long *__restrict__ st, unsigned long long *__restrict__ buf,
                            std::size_t k) {
    const unsigned long long T = st[0];
    const std::size_t from = k - static_cast<std::size_t>(st[2]);
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t j = from + static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; j < k; j += stride)
        buf[j] = ~T;
}

__global__ void output_kernel(const unsigned long long *__restrict__ sorted, double *__restrict__ out,
                              std::size_t k) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t j = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; j < k; j += stride)
        out[j] = from_key(~sorted[j]);
}

}  // namespace

void top_k(const std::vector<double> &x, size_t k, std::vector<double> &out) {
    const std::size_t n = x.size();
    if (k == 0 || n == 0) return;
    if (k > n) k = n;
    if (k >= 0xffffffffULL) throw std::runtime_error("top_k: k must be below 2^32");
    double *dx = nullptr, *dout = nullptr;
    unsigned long long *st = nullptr, *hist = nullptr;
    unsigned long long *keys[2] = {nullptr, nullptr};
    unsigned *vals[2] = {nullptr, nullptr};
    check(cudaMallocAsync(&dx, n * sizeof(double), 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&dout, k * sizeof(double), 0), "cudaMallocAsync out");
    check(cudaMallocAsync(&st, 4 * sizeof(unsigned long long), 0), "cudaMallocAsync state");
    check(cudaMallocAsync(&hist, 256 * sizeof(unsigned long long), 0), "cudaMallocAsync histogram");
    check(cudaMallocAsync(&keys[0], k * sizeof(unsigned long long), 0), "cudaMallocAsync selected keys");
    check(cudaMallocAsync(&keys[1], k * sizeof(unsigned long long), 0), "cudaMallocAsync key buffer");
    check(cudaMemcpyAsync(dx, x.data(), n * sizeof(double), cudaMemcpyHostToDevice, 0), "copy x to the device");

    init_state_kernel<<<1, 256>>>(st, hist, static_cast<unsigned long long>(k));
    check(cudaGetLastError(), "init_state_kernel launch");
    const unsigned blocks = static_cast<unsigned>(std::min<std::size_t>((n + BLOCK - 1) / BLOCK, 132u * 8u));
    for (int shift = 56; shift >= 0; shift -= 8) {
        hist_kernel<<<blocks, BLOCK>>>(dx, n, shift, st, hist);
        check(cudaGetLastError(), "hist_kernel launch");
        select_kernel<<<1, 256>>>(st, hist, shift);
        check(cudaGetLastError(), "select_kernel launch");
    }
    gather_kernel<<<blocks, BLOCK>>>(dx, n, st, keys[0]);
    check(cudaGetLastError(), "gather_kernel launch");
    const unsigned kblocks = static_cast<unsigned>(std::min<std::size_t>((k + BLOCK - 1) / BLOCK, 65535u * 8u));
    fill_kernel<<<kblocks, BLOCK>>>(st, keys[0], k);
    check(cudaGetLastError(), "fill_kernel launch");
    if (k > 1) radix_sort<unsigned long long, false>(keys, vals, static_cast<unsigned>(k), 64);
    output_kernel<<<kblocks, BLOCK>>>(keys[0], dout, k);
    check(cudaGetLastError(), "output_kernel launch");
    check(cudaMemcpyAsync(out.data(), dout, k * sizeof(double), cudaMemcpyDeviceToHost, 0), "copy out to the host");
    check(cudaFreeAsync(dx, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(dout, 0), "cudaFreeAsync out");
    check(cudaFreeAsync(st, 0), "cudaFreeAsync state");
    check(cudaFreeAsync(hist, 0), "cudaFreeAsync histogram");
    check(cudaFreeAsync(keys[0], 0), "cudaFreeAsync selected keys");
    check(cudaFreeAsync(keys[1], 0), "cudaFreeAsync key buffer");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
