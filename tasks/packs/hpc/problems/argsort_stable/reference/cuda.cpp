// CUDA reference of argsort_stable: order-preserving 64-bit keys (-0.0 made +0.0) paired with their indices, then a stable LSD radix sort of the pairs (8 passes of 8-bit digits, own kernels).
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

// Monotone map of a double (not NaN) to an unsigned integer: a < b  <=>  key(a) < key(b); both zeros map to
// the key of +0.0, so they tie and the stable sort keeps them in index order.
__device__ __forceinline__ unsigned long long order_key(double v) {
    if (v == 0.0) v = 0.0;
    const unsigned long long b = static_cast<unsigned long long>(__double_as_longlong(v));
    return (b >> 63) ? ~b : (b | (1ull << 63));
}

__global__ void keys_kernel(const double *__restrict__ x, std::size_t n, unsigned long long *__restrict__ keys,
                            std::int64_t *__restrict__ idx) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        keys[i] = order_key(x[i]);
        idx[i] = static_cast<std::int64_t>(i);
    }
}

}  // namespace

void argsort_stable(const std::vector<double> &x, std::vector<int64_t> &perm) {
    const std::size_t n = x.size();
    if (n == 0) return;
    double *dx = nullptr;
    unsigned long long *keys = nullptr, *keys_alt = nullptr;
    std::int64_t *idx = nullptr, *idx_alt = nullptr;
    check(cudaMallocAsync(&dx, n * sizeof(double), 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&keys, n * sizeof(unsigned long long), 0), "cudaMallocAsync keys");
    check(cudaMallocAsync(&keys_alt, n * sizeof(unsigned long long), 0), "cudaMallocAsync keys_alt");
    check(cudaMallocAsync(&idx, n * sizeof(std::int64_t), 0), "cudaMallocAsync idx");
    check(cudaMallocAsync(&idx_alt, n * sizeof(std::int64_t), 0), "cudaMallocAsync idx_alt");
    check(cudaMemcpyAsync(dx, x.data(), n * sizeof(double), cudaMemcpyHostToDevice, 0), "copy x to the device");
    const int block = 256;
    const std::size_t blocks = std::min<std::size_t>((n + block - 1) / block, 65535u * 8u);
    keys_kernel<<<static_cast<unsigned>(blocks), block>>>(dx, n, keys, idx);
    check(cudaGetLastError(), "keys_kernel launch");
    radix_sort<unsigned long long, std::int64_t, true>(keys, keys_alt, idx, idx_alt, n, 64);
    check(cudaMemcpyAsync(perm.data(), idx, n * sizeof(std::int64_t), cudaMemcpyDeviceToHost, 0),
          "copy perm to the host");
    check(cudaFreeAsync(dx, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(keys, 0), "cudaFreeAsync keys");
    check(cudaFreeAsync(keys_alt, 0), "cudaFreeAsync keys_alt");
    check(cudaFreeAsync(idx, 0), "cudaFreeAsync idx");
    check(cudaFreeAsync(idx_alt, 0), "cudaFreeAsync idx_alt");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
