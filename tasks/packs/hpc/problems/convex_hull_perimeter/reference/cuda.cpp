// CUDA reference of convex_hull_perimeter: the points sorted by (x, y) on the device (two stable LSD radix sorts of order-preserving keys, own kernels); Andrew's lower and upper monotone chains built bottom-up by merging adjacent sorted runs of doubling width (one thread per pair of runs continues the left chain's stack with the right chain's points, as the sequential chain would, and links the two), then the lengths of the kept links are summed.
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

constexpr int BLOCK = 256;  // a multiple of 32: every warp is full in the shuffles

// Monotone map of a double (not NaN) to an unsigned integer; -0.0 is made +0.0 (equal values, equal keys).
__device__ __forceinline__ unsigned long long order_key(double v) {
    if (v == 0.0) v = 0.0;
    const unsigned long long b = static_cast<unsigned long long>(__double_as_longlong(v));
    return (b >> 63) ? ~b : (b | (1ull << 63));
}

__global__ void ykeys_kernel(const double *__restrict__ y, unsigned long long *__restrict__ keys,
                             unsigned *__restrict__ idx, std::size_t n) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        keys[i] = order_key(y[i]);
        idx[i] = static_cast<unsigned>(i);
    }
}

__global__ void xkeys_kernel(const double *__restrict__ x, const unsigned *__restrict__ idx,
                             unsigned long long *__restrict__ keys, std::size_t n) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride)
        keys[i] = order_key(x[idx[i]]);
}

// lower[s] = the s-th point in (x, y) order; upper[s] = the same points in reverse order.
__global__ void gather_kernel(const double *__restrict__ x, const double *__restrict__ y,
                              const unsigned *__restrict__ idx, double2 *__restrict__ lower,
                              double2 *__restrict__ upper, std::size_t n) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t s = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; s < n; s += stride) {
        const unsigned i = idx[s];
        const double2 p = make_double2(x[i], y[i]);
        lower[s] = p;
        upper[n - 1 - s] = p;
    }
}

// cross((a - o), (b - o)) with explicit roundings (no FMA contraction), so every call gives the same answer
// for the same three points.
__device__ __forceinline__ double cross(double2 o, double2 a, double2 b) {
    return __dsub_rn(__dmul_rn(__dsub_rn(a.x, o.x), __dsub_rn(b.y, o.y)),
                     __dmul_rn(__dsub_rn(a.y, o.y), __dsub_rn(b.x, o.x)));
}

struct Chain {
    const double2 *p;  // the points in chain order
    int *nxt, *prv;    // links between kept points
    unsigned char *dropped;
};

// Merges the runs [ls, rs) and [rs, re] (chains already built, first and last points of a run always kept)
// into the monotone chain of [ls, re]: the left chain's stack (top rs - 1) receives the right chain's points
// from rs on, popping while the last two and the new point make no strict left turn; once a right point
// survives the push of its successor, nothing more can be popped (the rest of the right chain already turns
// left strictly), so the walk stops there and the two chains are linked.
__global__ void merge_kernel(Chain lo, Chain up, std::size_t n, std::size_t width) {
    const Chain c = blockIdx.y == 0 ? lo : up;
    const std::size_t pairs = (n + 2 * width - 1) / (2 * width);
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t q = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; q < pairs; q += stride) {
        const std::size_t ls = 2 * width * q, rs = ls + width;
        if (rs >= n) continue;
        const std::size_t re = min(rs + width, n) - 1;
        int a = static_cast<int>(rs - 1), j = static_cast<int>(rs);
        const int first = static_cast<int>(ls), last = static_cast<int>(re);
        double2 pa = c.p[a], pj = c.p[j];
        while (true) {
            while (a != first) {
                const int b = c.prv[a];
                const double2 pb = c.p[b];
                if (cross(pb, pa, pj) > 0.0) break;
                c.dropped[a] = 1;
                a = b;
                pa = pb;
            }
            if (j == last) break;
            const int nj = c.nxt[j];
            const double2 pn = c.p[nj];
            if (cross(pa, pj, pn) > 0.0) break;
            c.dropped[j] = 1;
            j = nj;
            pj = pn;
        }
        c.nxt[a] = j;
        c.prv[j] = a;
    }
}

// Sums the lengths of the kept links of both chains (every kept point but the last links to its successor).
__global__ void length_kernel(Chain lo, Chain up, std::size_t n, double *total) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    double s = 0.0;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i + 1 < n; i += stride) {
        if (!lo.dropped[i]) {
            const double2 a = lo.p[i], b = lo.p[lo.nxt[i]];
            s += sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y));
        }
        if (!up.dropped[i]) {
            const double2 a = up.p[i], b = up.p[up.nxt[i]];
            s += sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y));
        }
    }
    for (int off = 16; off > 0; off >>= 1) s += __shfl_down_sync(0xffffffffu, s, off);
    __shared__ double warp_sum[BLOCK / 32];
    const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
    if (lane == 0) warp_sum[warp] = s;
    __syncthreads();
    if (warp == 0) {
        s = lane < BLOCK / 32 ? warp_sum[lane] : 0.0;
        for (int off = 16; off > 0; off >>= 1) s += __shfl_down_sync(0xffffffffu, s, off);
        if (lane == 0) atomicAdd(total, s);
    }
}

}  // namespace

double convex_hull_perimeter(const std::vector<double> &x, const std::vector<double> &y) {
    const std::size_t n = x.size();
    if (n < 2) return 0.0;
    if (n > static_cast<std::size_t>(INT32_MAX)) throw std::runtime_error("convex_hull_perimeter: too many points");
    const std::size_t bytes = n * sizeof(double);
    double *dx = nullptr, *dy = nullptr, *total = nullptr;
    unsigned long long *keys = nullptr, *keys_alt = nullptr;
    unsigned *idx = nullptr, *idx_alt = nullptr;
    double2 *plo = nullptr, *pup = nullptr;
    int *links = nullptr;             // nxt and prv of both chains: 4 n
    unsigned char *dropped = nullptr;  // both chains: 2 n
    check(cudaMallocAsync(&dx, bytes, 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&dy, bytes, 0), "cudaMallocAsync y");
    check(cudaMallocAsync(&total, sizeof(double), 0), "cudaMallocAsync total");
    check(cudaMallocAsync(&keys, n * sizeof(unsigned long long), 0), "cudaMallocAsync keys");
    check(cudaMallocAsync(&keys_alt, n * sizeof(unsigned long long), 0), "cudaMallocAsync keys_alt");
    check(cudaMallocAsync(&idx, n * sizeof(unsigned), 0), "cudaMallocAsync idx");
    check(cudaMallocAsync(&idx_alt, n * sizeof(unsigned), 0), "cudaMallocAsync idx_alt");
    check(cudaMallocAsync(&plo, n * sizeof(double2), 0), "cudaMallocAsync lower points");
    check(cudaMallocAsync(&pup, n * sizeof(double2), 0), "cudaMallocAsync upper points");
    check(cudaMallocAsync(&links, 4 * n * sizeof(int), 0), "cudaMallocAsync links");
    check(cudaMallocAsync(&dropped, 2 * n, 0), "cudaMallocAsync dropped");
    check(cudaMemsetAsync(dropped, 0, 2 * n, 0), "clear dropped");
    check(cudaMemsetAsync(total, 0, sizeof(double), 0), "clear total");
    check(cudaMemcpyAsync(dx, x.data(), bytes, cudaMemcpyHostToDevice, 0), "copy x to the device");
    check(cudaMemcpyAsync(dy, y.data(), bytes, cudaMemcpyHostToDevice, 0), "copy y to the device");
    const std::size_t blocks = std::min<std::size_t>((n + BLOCK - 1) / BLOCK, 65535u * 8u);
    const unsigned g = static_cast<unsigned>(blocks);
    // (x, y) order: stable sort by y, then stable sort by x
    ykeys_kernel<<<g, BLOCK>>>(dy, keys, idx, n);
    check(cudaGetLastError(), "ykeys_kernel launch");
    radix_sort<unsigned long long, unsigned, true>(keys, keys_alt, idx, idx_alt, n, 64);
    xkeys_kernel<<<g, BLOCK>>>(dx, idx, keys, n);
    check(cudaGetLastError(), "xkeys_kernel launch");
    radix_sort<unsigned long long, unsigned, true>(keys, keys_alt, idx, idx_alt, n, 64);
    gather_kernel<<<g, BLOCK>>>(dx, dy, idx, plo, pup, n);
    check(cudaGetLastError(), "gather_kernel launch");
    const Chain lo{plo, links, links + n, dropped};
    const Chain up{pup, links + 2 * n, links + 3 * n, dropped + n};
    for (std::size_t width = 1; width < n; width *= 2) {
        const std::size_t pairs = (n + 2 * width - 1) / (2 * width);
        const std::size_t mblocks = std::min<std::size_t>((pairs + BLOCK - 1) / BLOCK, 65535u * 8u);
        merge_kernel<<<dim3(static_cast<unsigned>(mblocks), 2), BLOCK>>>(lo, up, n, width);
        check(cudaGetLastError(), "merge_kernel launch");
    }
    length_kernel<<<g, BLOCK>>>(lo, up, n, total);
    check(cudaGetLastError(), "length_kernel launch");
    double perimeter = 0.0;
    check(cudaMemcpyAsync(&perimeter, total, sizeof(double), cudaMemcpyDeviceToHost, 0),
          "copy the perimeter to the host");
    check(cudaFreeAsync(dx, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(dy, 0), "cudaFreeAsync y");
    check(cudaFreeAsync(total, 0), "cudaFreeAsync total");
    check(cudaFreeAsync(keys, 0), "cudaFreeAsync keys");
    check(cudaFreeAsync(keys_alt, 0), "cudaFreeAsync keys_alt");
    check(cudaFreeAsync(idx, 0), "cudaFreeAsync idx");
    check(cudaFreeAsync(idx_alt, 0), "cudaFreeAsync idx_alt");
    check(cudaFreeAsync(plo, 0), "cudaFreeAsync lower points");
    check(cudaFreeAsync(pup, 0), "cudaFreeAsync upper points");
    check(cudaFreeAsync(links, 0), "cudaFreeAsync links");
    check(cudaFreeAsync(dropped, 0), "cudaFreeAsync dropped");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
    return perimeter;
}
