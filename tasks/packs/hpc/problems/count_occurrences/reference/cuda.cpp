// CUDA reference of count_occurrences: x mapped to order-preserving 32-bit keys and sorted on the device (stable LSD radix sort, 4 passes, own kernels), then one thread per query finds its run with two binary searches.
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

// int32 -> uint32 with the same order: flip the sign bit.
__device__ __forceinline__ unsigned order_key(int v) { return static_cast<unsigned>(v) ^ 0x80000000u; }

__global__ void keys_kernel(const int *__restrict__ x, unsigned *__restrict__ keys, std::size_t n) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride)
        keys[i] = order_key(x[i]);
}

// counts[i] = (first key > q) - (first key >= q) over the sorted keys.
__global__ void query_kernel(const unsigned *__restrict__ sorted, std::size_t n, const int *__restrict__ queries,
                             long long *__restrict__ counts, std::size_t m) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < m; i += stride) {
        const unsigned q = order_key(queries[i]);
        std::size_t lo = 0, hi = n;  // lower bound: first index with sorted[] >= q
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (sorted[mid] < q) lo = mid + 1;
            else hi = mid;
        }
        const std::size_t first = lo;
        hi = n;  // upper bound: first index with sorted[] > q, searched from first
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (sorted[mid] <= q) lo = mid + 1;
            else hi = mid;
        }
        counts[i] = static_cast<long long>(lo - first);
    }
}

}  // namespace

void count_occurrences(const std::vector<int32_t> &x, const std::vector<int32_t> &queries,
                       std::vector<int64_t> &counts) {
    const std::size_t n = x.size(), m = queries.size();
    if (m == 0) return;
    int *dx = nullptr, *dq = nullptr;
    unsigned *keys = nullptr, *keys_alt = nullptr;
    long long *dc = nullptr;
    char *no_vals = nullptr, *no_vals_alt = nullptr;  // the sort carries no values
    const std::size_t nn = std::max<std::size_t>(n, 1);
    check(cudaMallocAsync(&dx, nn * sizeof(int), 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&keys, nn * sizeof(unsigned), 0), "cudaMallocAsync keys");
    check(cudaMallocAsync(&keys_alt, nn * sizeof(unsigned), 0), "cudaMallocAsync keys_alt");
    check(cudaMallocAsync(&dq, m * sizeof(int), 0), "cudaMallocAsync queries");
    check(cudaMallocAsync(&dc, m * sizeof(long long), 0), "cudaMallocAsync counts");
    if (n > 0) check(cudaMemcpyAsync(dx, x.data(), n * sizeof(int), cudaMemcpyHostToDevice, 0), "copy x to the device");
    check(cudaMemcpyAsync(dq, queries.data(), m * sizeof(int), cudaMemcpyHostToDevice, 0),
          "copy queries to the device");
    const int block = 256;
    const std::size_t kblocks = std::max<std::size_t>(1, std::min<std::size_t>((n + block - 1) / block, 65535u * 8u));
    keys_kernel<<<static_cast<unsigned>(kblocks), block>>>(dx, keys, n);
    check(cudaGetLastError(), "keys_kernel launch");
    radix_sort<unsigned, char, false>(keys, keys_alt, no_vals, no_vals_alt, n, 32);
    const std::size_t qblocks = std::min<std::size_t>((m + block - 1) / block, 65535u * 8u);
    query_kernel<<<static_cast<unsigned>(qblocks), block>>>(keys, n, dq, dc, m);
    check(cudaGetLastError(), "query_kernel launch");
    check(cudaMemcpyAsync(counts.data(), dc, m * sizeof(long long), cudaMemcpyDeviceToHost, 0),
          "copy counts to the host");
    check(cudaFreeAsync(dx, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(keys, 0), "cudaFreeAsync keys");
    check(cudaFreeAsync(keys_alt, 0), "cudaFreeAsync keys_alt");
    check(cudaFreeAsync(dq, 0), "cudaFreeAsync queries");
    check(cudaFreeAsync(dc, 0), "cudaFreeAsync counts");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
