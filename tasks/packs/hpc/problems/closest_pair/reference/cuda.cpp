// CUDA reference of closest_pair: the points sorted by x on the device (stable LSD radix sort of order-preserving keys carrying y, own kernels), a bound from each point's next few x-neighbours, then a sweep with one thread per point back over its predecessors while dx^2 is below the best squared distance (atomicMin on its bits).
#include <cuda_runtime.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

void check(cudaError_t status, const char *what) {
    if (status != cudaSuccess) throw std::runtime_error(std::string(what) + ": " + cudaGetErrorString(status));
}

// ---- LSD radix sort (8-bit digits) of keys with optional values, stable -------------------------------------
// Per pass: every block counts the digits of its tile (4096 items), the digit-major counts are scanned by one
// block into write offsets, and every block scatters its tile in order (ranks within a warp from
// __match_any_sync, across the block's warps from per-warp counts), so equal digits keep their order.
constexpr int SORT_THREADS = 256;
constexpr int SORT_CHUNKS = 16;
constexpr std::size_t SORT_TILE = static_cast<std::size_t>(SORT_THREADS) * SORT_CHUNKS;
constexpr int SCAN_THREADS = 1024;

template <class K>
__global__ void radix_hist_kernel(const K *__restrict__ keys, std::size_t n, int shift, unsigned *__restrict__ counts,
                                  unsigned nb) {
    __shared__ unsigned h[256];
    h[threadIdx.x] = 0;
    __syncthreads();
    const std::size_t start = static_cast<std::size_t>(blockIdx.x) * SORT_TILE;
    const std::size_t end = n - start < SORT_TILE ? n : start + SORT_TILE;
    for (std::size_t i = start + threadIdx.x; i < end; i += SORT_THREADS)
        atomicAdd(&h[static_cast<unsigned>(keys[i] >> shift) & 255u], 1u);
    __syncthreads();
    counts[static_cast<std::size_t>(threadIdx.x) * nb + blockIdx.x] = h[threadIdx.x];
}

// Exclusive prefix sum of c[0, len) by one block: a contiguous segment per thread.
__global__ void radix_scan_kernel(unsigned *c, std::size_t len) {
    __shared__ unsigned s[SCAN_THREADS];
    const std::size_t per = (len + SCAN_THREADS - 1) / SCAN_THREADS;
    const std::size_t lo = min(len, static_cast<std::size_t>(threadIdx.x) * per);
    const std::size_t hi = min(len, lo + per);
    unsigned sum = 0;
    for (std::size_t i = lo; i < hi; ++i) sum += c[i];
    s[threadIdx.x] = sum;
    __syncthreads();
    for (int off = 1; off < SCAN_THREADS; off <<= 1) {
        const unsigned v = static_cast<int>(threadIdx.x) >= off ? s[threadIdx.x - off] : 0u;
        __syncthreads();
        s[threadIdx.x] += v;
        __syncthreads();
    }
    unsigned run = s[threadIdx.x] - sum;
    for (std::size_t i = lo; i < hi; ++i) {
        const unsigned t = c[i];
        c[i] = run;
        run += t;
    }
}

template <class K, class V, bool HAS_V>
__global__ void radix_scatter_kernel(const K *__restrict__ kin, const V *__restrict__ vin, K *__restrict__ kout,
                                     V *__restrict__ vout, std::size_t n, int shift,
                                     const unsigned *__restrict__ offsets, unsigned nb) {
    __shared__ unsigned wcnt[SORT_THREADS / 32][256];
    __shared__ unsigned base[256];
    const unsigned t = threadIdx.x, lane = t & 31u, warp = t >> 5;
    const unsigned lower_lanes = (1u << lane) - 1u;
    base[t] = offsets[static_cast<std::size_t>(t) * nb + blockIdx.x];
    const std::size_t start = static_cast<std::size_t>(blockIdx.x) * SORT_TILE;
    for (int c = 0; c < SORT_CHUNKS; ++c) {
        const std::size_t chunk = start + static_cast<std::size_t>(c) * SORT_THREADS;
        if (chunk >= n) break;  // the same for the whole block
        const std::size_t i = chunk + t;
        const bool valid = i < n;
        K k = 0;
        V v{};
        unsigned d = 256u;  // no digit: invalid lanes still take part in the warp match
        if (valid) {
            k = kin[i];
            if (HAS_V) v = vin[i];
            d = static_cast<unsigned>(k >> shift) & 255u;
        }
        for (int w = 0; w < SORT_THREADS / 32; ++w) wcnt[w][t] = 0;
        __syncthreads();
        const unsigned peers = __match_any_sync(0xffffffffu, d);
        const unsigned rank = __popc(peers & lower_lanes);
        if (valid && rank == 0) wcnt[warp][d] = __popc(peers);
        __syncthreads();
        unsigned s = 0;  // thread t: exclusive prefix of digit t over the warps
        for (int w = 0; w < SORT_THREADS / 32; ++w) {
            const unsigned x = wcnt[w][t];
            wcnt[w][t] = s;
            s += x;
        }
        __syncthreads();
        if (valid) {
            const unsigned pos = base[d] + wcnt[warp][d] + rank;
            kout[pos] = k;
            if (HAS_V) vout[pos] = v;
        }
        __syncthreads();
        base[t] += s;
    }
}

// Sorts keys[0, n) (and vals with them when HAS_V) by the low `bits` bits; on return keys/vals point to the
// sorted data (the buffers may have been swapped with keys_alt/vals_alt). n < 2^32.
template <class K, class V, bool HAS_V>
void radix_sort(K *&keys, K *&keys_alt, V *&vals, V *&vals_alt, std::size_t n, int bits) {
    if (n <= 1) return;
    if (n >= (std::size_t(1) << 32)) throw std::runtime_error("radix_sort: too many items");
    const std::size_t nb = (n + SORT_TILE - 1) / SORT_TILE;
    unsigned *counts = nullptr;
    check(cudaMallocAsync(&counts, 256 * nb * sizeof(unsigned), 0), "cudaMallocAsync sort counts");
    for (int shift = 0; shift < bits; shift += 8) {
        radix_hist_kernel<K><<<static_cast<unsigned>(nb), SORT_THREADS>>>(keys, n, shift, counts,
                                                                         static_cast<unsigned>(nb));
        check(cudaGetLastError(), "radix_hist_kernel launch");
        radix_scan_kernel<<<1, SCAN_THREADS>>>(counts, 256 * nb);
        check(cudaGetLastError(), "radix_scan_kernel launch");
        radix_scatter_kernel<K, V, HAS_V><<<static_cast<unsigned>(nb), SORT_THREADS>>>(
            keys, vals, keys_alt, vals_alt, n, shift, counts, static_cast<unsigned>(nb));
        check(cudaGetLastError(), "radix_scatter_kernel launch");
        std::swap(keys, keys_alt);
        if (HAS_V) std::swap(vals, vals_alt);
    }
    check(cudaFreeAsync(counts, 0), "cudaFreeAsync sort counts");
}
// ---- end of the radix sort -----------------------------------------------------------------------------------

constexpr int BLOCK = 256;   // a multiple of 32: every warp is full in the shuffles
constexpr int NEIGHBOURS = 4;  // x-neighbours tried for the initial bound
constexpr unsigned long long INF_BITS = 0x7FF0000000000000ull;  // +infinity

// Monotone map of a double (not NaN) to an unsigned integer; -0.0 is made +0.0 (equal values, equal keys).
__device__ __forceinline__ unsigned long long order_key(double v) {
    if (v == 0.0) v = 0.0;
    const unsigned long long b = static_cast<unsigned long long>(__double_as_longlong(v));
    return (b >> 63) ? ~b : (b | (1ull << 63));
}
__device__ __forceinline__ double key_value(unsigned long long k) {
    const unsigned long long b = (k >> 63) ? (k & ~(1ull << 63)) : ~k;
    return __longlong_as_double(static_cast<long long>(b));
}

__global__ void keys_kernel(const double *__restrict__ x, unsigned long long *__restrict__ keys, std::size_t n) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride)
        keys[i] = order_key(x[i]);
}

__global__ void points_kernel(const unsigned long long *__restrict__ keys, const double *__restrict__ y,
                              double2 *__restrict__ pts, std::size_t n) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride)
        pts[i] = make_double2(key_value(keys[i]), y[i]);
}

// Squared distances are non-negative doubles, whose bit patterns order like their values.
__device__ __forceinline__ void block_min_to(unsigned long long v, unsigned long long *best) {
    for (int off = 16; off > 0; off >>= 1) v = min(v, __shfl_down_sync(0xffffffffu, v, off));
    __shared__ unsigned long long warp_min[BLOCK / 32];
    const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
    if (lane == 0) warp_min[warp] = v;
    __syncthreads();
    if (warp == 0) {
        v = lane < BLOCK / 32 ? warp_min[lane] : INF_BITS;
        for (int off = 16; off > 0; off >>= 1) v = min(v, __shfl_down_sync(0xffffffffu, v, off));
        if (lane == 0 && v < INF_BITS) atomicMin(best, v);
    }
}

// An upper bound: the smallest squared distance from each point to its next NEIGHBOURS points in x order.
__global__ void bound_kernel(const double2 *__restrict__ pts, std::size_t n, unsigned long long *best) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    double b = __longlong_as_double(static_cast<long long>(INF_BITS));
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        const double2 p = pts[i];
        for (std::size_t j = i + 1; j < n && j <= i + NEIGHBOURS; ++j) {
            const double2 q = pts[j];
            const double dx = q.x - p.x, dy = q.y - p.y;
            b = fmin(b, dx * dx + dy * dy);
        }
    }
    block_min_to(static_cast<unsigned long long>(__double_as_longlong(b)), best);
}

// Point i against its predecessors j = i - 1, i - 2, ... while dx^2 < the best squared distance known: a
// further j has a larger dx, so neither it nor any pair after it can be closer (every d^2 >= fl(dx^2)).
// The bound only shrinks, so reading it late is safe; it is refreshed every 64 steps.
__global__ void sweep_kernel(const double2 *__restrict__ pts, std::size_t n, unsigned long long *best) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        const double2 p = pts[i];
        double b = __longlong_as_double(static_cast<long long>(__ldcg(best)));
        unsigned steps = 0;
        for (std::size_t j = i; j-- > 0;) {
            const double2 q = pts[j];
            const double dx = p.x - q.x;
            const double dx2 = dx * dx;
            if (dx2 >= b) break;
            const double dy = p.y - q.y;
            const double d2 = dx2 + dy * dy;
            if (d2 < b) {
                b = d2;
                atomicMin(best, static_cast<unsigned long long>(__double_as_longlong(d2)));
            }
            if ((++steps & 63u) == 0)
                b = fmin(b, __longlong_as_double(static_cast<long long>(__ldcg(best))));
        }
    }
}

}  // namespace

double closest_pair(const std::vector<double> &x, const std::vector<double> &y) {
    const std::size_t n = x.size();
    if (n < 2) return std::numeric_limits<double>::infinity();
    const std::size_t bytes = n * sizeof(double);
    double *dx = nullptr, *dy = nullptr, *dy_alt = nullptr;
    unsigned long long *keys = nullptr, *keys_alt = nullptr, *best = nullptr;
    double2 *pts = nullptr;
    check(cudaMallocAsync(&dx, bytes, 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&dy, bytes, 0), "cudaMallocAsync y");
    check(cudaMallocAsync(&dy_alt, bytes, 0), "cudaMallocAsync y_alt");
    check(cudaMallocAsync(&keys, n * sizeof(unsigned long long), 0), "cudaMallocAsync keys");
    check(cudaMallocAsync(&keys_alt, n * sizeof(unsigned long long), 0), "cudaMallocAsync keys_alt");
    check(cudaMallocAsync(&pts, n * sizeof(double2), 0), "cudaMallocAsync points");
    check(cudaMallocAsync(&best, sizeof(unsigned long long), 0), "cudaMallocAsync best");
    check(cudaMemcpyAsync(dx, x.data(), bytes, cudaMemcpyHostToDevice, 0), "copy x to the device");
    check(cudaMemcpyAsync(dy, y.data(), bytes, cudaMemcpyHostToDevice, 0), "copy y to the device");
    const unsigned long long inf_bits = INF_BITS;
    check(cudaMemcpyAsync(best, &inf_bits, sizeof inf_bits, cudaMemcpyHostToDevice, 0), "set the bound");
    const std::size_t blocks = std::min<std::size_t>((n + BLOCK - 1) / BLOCK, 65535u * 8u);
    const unsigned g = static_cast<unsigned>(blocks);
    keys_kernel<<<g, BLOCK>>>(dx, keys, n);
    check(cudaGetLastError(), "keys_kernel launch");
    radix_sort<unsigned long long, double, true>(keys, keys_alt, dy, dy_alt, n, 64);
    points_kernel<<<g, BLOCK>>>(keys, dy, pts, n);
    check(cudaGetLastError(), "points_kernel launch");
    bound_kernel<<<g, BLOCK>>>(pts, n, best);
    check(cudaGetLastError(), "bound_kernel launch");
    const int sweep_block = 128;  // uneven work per point: smaller blocks balance better
    const std::size_t sblocks = std::min<std::size_t>((n + sweep_block - 1) / sweep_block, 65535u * 8u);
    sweep_kernel<<<static_cast<unsigned>(sblocks), sweep_block>>>(pts, n, best);
    check(cudaGetLastError(), "sweep_kernel launch");
    unsigned long long result_bits = 0;
    check(cudaMemcpyAsync(&result_bits, best, sizeof result_bits, cudaMemcpyDeviceToHost, 0),
          "copy the result to the host");
    check(cudaFreeAsync(dx, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(dy, 0), "cudaFreeAsync y");
    check(cudaFreeAsync(dy_alt, 0), "cudaFreeAsync y_alt");
    check(cudaFreeAsync(keys, 0), "cudaFreeAsync keys");
    check(cudaFreeAsync(keys_alt, 0), "cudaFreeAsync keys_alt");
    check(cudaFreeAsync(pts, 0), "cudaFreeAsync points");
    check(cudaFreeAsync(best, 0), "cudaFreeAsync best");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
    double d2 = 0.0;
    std::memcpy(&d2, &result_bits, sizeof d2);
    return std::sqrt(d2);
}
