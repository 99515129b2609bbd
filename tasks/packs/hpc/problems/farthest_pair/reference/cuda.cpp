// CUDA reference of farthest_pair: GPU Akl-Toussaint octagon filter (8 extremes by reduction, survivors compacted with warp-aggregated atomics), survivors sorted by (x, y) on the GPU (bitonic sort, shared-memory stages for short strides), then monotone-chain hull and rotating calipers on the host.
#include <cuda_runtime.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

void check(cudaError_t status, const char *what) {
    if (status != cudaSuccess) throw std::runtime_error(std::string(what) + ": " + cudaGetErrorString(status));
}

constexpr int kBlock = 256;
constexpr int kDirs = 8;
constexpr std::size_t kMaxGrid = 65535u * 8u;
constexpr unsigned long long kNoIndex = ~0ull;

// The 8 directions in the counter-clockwise order of their outward normals, each as a value to
// maximize: min x, min x+y, min y, max x-y, max x, max x+y, max y, min x-y.
__device__ double direction_value(int d, double x, double y) {
    switch (d) {
        case 0: return -x;
        case 1: return -(x + y);
        case 2: return -y;
        case 3: return x - y;
        case 4: return x;
        case 5: return x + y;
        case 6: return y;
        default: return y - x;
    }
}

// (v, i) beats (bv, bi): larger value, then smaller index (any extreme point would do; this is deterministic)
__device__ bool beats(double v, unsigned long long i, double bv, unsigned long long bi) {
    return v > bv || (v == bv && i < bi);
}

// Block-wide merge of every thread's 8 candidates in shared memory; thread 0 ends with the block's best.
__device__ void block_reduce(double (*sv)[kBlock], unsigned long long (*si)[kBlock], double *bv,
                             unsigned long long *bi) {
    const int t = threadIdx.x;
    for (int d = 0; d < kDirs; ++d) {
        sv[d][t] = bv[d];
        si[d][t] = bi[d];
    }
    __syncthreads();
    for (int half = kBlock / 2; half > 0; half >>= 1) {
        if (t < half)
            for (int d = 0; d < kDirs; ++d)
                if (beats(sv[d][t + half], si[d][t + half], sv[d][t], si[d][t])) {
                    sv[d][t] = sv[d][t + half];
                    si[d][t] = si[d][t + half];
                }
        __syncthreads();
    }
}

// Per block: the best point index in each direction over a grid-stride share of the points.
__global__ void extremes_kernel(const double *__restrict__ pts, std::size_t n, double *__restrict__ out_v,
                                unsigned long long *__restrict__ out_i) {
    __shared__ double sv[kDirs][kBlock];
    __shared__ unsigned long long si[kDirs][kBlock];
    double bv[kDirs];
    unsigned long long bi[kDirs];
    for (int d = 0; d < kDirs; ++d) {
        bv[d] = -INFINITY;
        bi[d] = kNoIndex;
    }
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        const double x = pts[2 * i], y = pts[2 * i + 1];
        for (int d = 0; d < kDirs; ++d) {
            const double v = direction_value(d, x, y);
            if (beats(v, i, bv[d], bi[d])) {
                bv[d] = v;
                bi[d] = i;
            }
        }
    }
    block_reduce(sv, si, bv, bi);
    if (threadIdx.x == 0)
        for (int d = 0; d < kDirs; ++d) {
            out_v[d * gridDim.x + blockIdx.x] = sv[d][0];
            out_i[d * gridDim.x + blockIdx.x] = si[d][0];
        }
}

// One block: merges the per-block extremes and writes the octagon (consecutive repeats removed,
// counter-clockwise) to oct[0 .. *m).
__global__ void octagon_kernel(const double *__restrict__ pts, const double *__restrict__ in_v,
                               const unsigned long long *__restrict__ in_i, unsigned nblocks, double2 *oct, int *m) {
    __shared__ double sv[kDirs][kBlock];
    __shared__ unsigned long long si[kDirs][kBlock];
    double bv[kDirs];
    unsigned long long bi[kDirs];
    for (int d = 0; d < kDirs; ++d) {
        bv[d] = -INFINITY;
        bi[d] = kNoIndex;
    }
    for (unsigned b = threadIdx.x; b < nblocks; b += blockDim.x)
        for (int d = 0; d < kDirs; ++d) {
            const double v = in_v[d * nblocks + b];
            const unsigned long long i = in_i[d * nblocks + b];
            if (i != kNoIndex && beats(v, i, bv[d], bi[d])) {
                bv[d] = v;
                bi[d] = i;
            }
        }
    block_reduce(sv, si, bv, bi);
    if (threadIdx.x == 0) {
        int k = 0;
        for (int d = 0; d < kDirs; ++d) {
            const unsigned long long i = si[d][0];
            if (i == kNoIndex) continue;  // (n >= 1, so never; kept for safety)
            const double2 p = make_double2(pts[2 * i], pts[2 * i + 1]);
            if (k == 0 || p.x != oct[k - 1].x || p.y != oct[k - 1].y) oct[k++] = p;
        }
        while (k > 1 && oct[k - 1].x == oct[0].x && oct[k - 1].y == oct[0].y) --k;
        *m = k;
    }
}

// cross(o, a, b) > 0 when o -> a -> b turns counter-clockwise; products rounded separately (no FMA).
__device__ double cross_rn(double2 o, double2 a, double2 b) {
    return __dsub_rn(__dmul_rn(a.x - o.x, b.y - o.y), __dmul_rn(a.y - o.y, b.x - o.x));
}

// Appends every point that is not strictly inside the octagon to out (order arbitrary), counting in
// *count. A strictly inside point is strictly inside the hull of the set, so it is no hull vertex.
// The loop bound is the same for all threads of a block, so whole warps vote together.
__global__ void filter_kernel(const double *__restrict__ pts, std::size_t n, const double2 *__restrict__ oct_in,
                              const int *__restrict__ m_in, double2 *__restrict__ out,
                              unsigned long long *count) {
    __shared__ double2 oct[kDirs];
    __shared__ int m_sh;
    if (threadIdx.x < kDirs) oct[threadIdx.x] = oct_in[threadIdx.x];
    if (threadIdx.x == 0) m_sh = *m_in;
    __syncthreads();
    const int m = m_sh;
    const unsigned lane = threadIdx.x & 31u;
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t base = static_cast<std::size_t>(blockIdx.x) * blockDim.x; base < n; base += stride) {
        const std::size_t i = base + threadIdx.x;
        bool keep = false;
        double2 p = make_double2(0.0, 0.0);
        if (i < n) {
            p = make_double2(pts[2 * i], pts[2 * i + 1]);
            bool inside = m >= 3;
            for (int k = 0; k < m && inside; ++k) inside = cross_rn(oct[k], oct[k + 1 == m ? 0 : k + 1], p) > 0.0;
            keep = !inside;
        }
        const unsigned vote = __ballot_sync(0xffffffffu, keep);
        if (vote == 0u) continue;
        unsigned long long first = 0;
        if (lane == 0) first = atomicAdd(count, static_cast<unsigned long long>(__popc(vote)));
        first = __shfl_sync(0xffffffffu, first, 0);
        if (keep) out[first + __popc(vote & ((1u << lane) - 1u))] = p;
    }
}

constexpr int kSortTile = 2048;            // elements per block in the shared-memory stages
constexpr int kSortThreads = kSortTile / 2; // one compare-exchange per thread and stage

// Lexicographic (x, then y) order; -0.0 and +0.0 compare equal, as on the host.
__device__ bool point_less(const double2 &a, const double2 &b) { return a.x < b.x || (a.x == b.x && a.y < b.y); }

// a[i] for i < c is a copy of p[i]; the padding up to N sorts last.
__global__ void pad_kernel(const double2 *__restrict__ p, std::size_t c, double2 *__restrict__ a, std::size_t N) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < N; i += stride)
        a[i] = i < c ? p[i] : make_double2(INFINITY, INFINITY);
}

// The bitonic compare-exchange of i with i ^ j inside merge size k (ascending where i & k == 0).
__device__ void compare_exchange(double2 &u, double2 &v, bool ascending) {
    if (ascending ? point_less(v, u) : point_less(u, v)) {
        const double2 t = u;
        u = v;
        v = t;
    }
}

// All stages with stride j < kSortTile of merge size k (k_from == k_to), or the complete bitonic sort
// of every tile (merge sizes 2 .. kSortTile), in shared memory; one tile per block, N % kSortTile == 0.
__global__ void bitonic_tile_kernel(double2 *a, std::size_t N, std::size_t k_from, std::size_t k_to) {
    __shared__ double2 t[kSortTile];
    for (std::size_t tile = blockIdx.x; tile * kSortTile < N; tile += gridDim.x) {
        const std::size_t base = tile * kSortTile;
        for (int e = threadIdx.x; e < kSortTile; e += blockDim.x) t[e] = a[base + e];
        __syncthreads();
        for (std::size_t k = k_from; k <= k_to; k <<= 1) {
            for (std::size_t j = (k >> 1) < kSortTile / 2 ? (k >> 1) : kSortTile / 2; j > 0; j >>= 1) {
                for (int q = threadIdx.x; q < kSortTile / 2; q += blockDim.x) {
                    const std::size_t i = 2 * j * (q / j) + (q % j);  // the lower element of pair q
                    compare_exchange(t[i], t[i + j], ((base + i) & k) == 0);
                }
                __syncthreads();
            }
        }
        for (int e = threadIdx.x; e < kSortTile; e += blockDim.x) a[base + e] = t[e];
        __syncthreads();
    }
}

// One stage with a long stride j >= kSortTile of merge size k, in global memory.
__global__ void bitonic_global_kernel(double2 *a, std::size_t N, std::size_t j, std::size_t k) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t q = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; q < N / 2; q += stride) {
        const std::size_t i = 2 * j * (q / j) + (q % j);
        double2 u = a[i], v = a[i + j];
        compare_exchange(u, v, (i & k) == 0);
        a[i] = u;
        a[i + j] = v;
    }
}

double cross_h(const double2 &o, const double2 &a, const double2 &b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

double dist2_h(const double2 &a, const double2 &b) {
    const double dx = a.x - b.x, dy = a.y - b.y;
    return dx * dx + dy * dy;
}

// Squared diameter of points sorted by (x, y): monotone-chain hull (counter-clockwise, repeated and
// collinear points dropped), then rotating calipers.
double diameter2_sorted(std::vector<double2> &p) {
    std::size_t u = 0;  // drop repeats (adjacent after the sort)
    for (std::size_t i = 0; i < p.size(); ++i)
        if (u == 0 || p[i].x != p[u - 1].x || p[i].y != p[u - 1].y) p[u++] = p[i];
    p.resize(u);
    const std::size_t m = p.size();
    if (m < 2) return 0.0;
    if (m == 2) return dist2_h(p[0], p[1]);
    std::vector<double2> h(2 * m);
    std::size_t k = 0;
    for (std::size_t i = 0; i < m; ++i) {
        while (k >= 2 && cross_h(h[k - 2], h[k - 1], p[i]) <= 0.0) --k;
        h[k++] = p[i];
    }
    for (std::size_t i = m - 1, lower = k + 1; i-- > 0;) {
        while (k >= lower && cross_h(h[k - 2], h[k - 1], p[i]) <= 0.0) --k;
        h[k++] = p[i];
    }
    const std::size_t hs = k - 1;  // the last vertex repeats the first
    if (hs < 3) return dist2_h(h[0], h[1]);
    double best = 0.0;
    std::size_t j = 1;
    for (std::size_t i = 0; i < hs; ++i) {
        const std::size_t ni = i + 1 == hs ? 0 : i + 1;
        for (;;) {  // advance j while it moves away from the edge (i, ni)
            const std::size_t nj = j + 1 == hs ? 0 : j + 1;
            if (cross_h(h[i], h[ni], h[nj]) > cross_h(h[i], h[ni], h[j])) j = nj;
            else break;
        }
        best = std::max(best, std::max(dist2_h(h[i], h[j]), dist2_h(h[ni], h[j])));
    }
    return best;
}

unsigned grid_for(std::size_t c) {
    return static_cast<unsigned>(std::max<std::size_t>(1, std::min((c + kBlock - 1) / kBlock, kMaxGrid)));
}

}  // namespace

double farthest_pair(const std::vector<double> &pts, size_t n) {
    if (n <= 1) return 0.0;
    int dev = 0, sms = 0;
    check(cudaGetDevice(&dev), "cudaGetDevice");
    check(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, dev), "cudaDeviceGetAttribute");
    const unsigned eblocks = static_cast<unsigned>(
        std::max<std::size_t>(1, std::min<std::size_t>((n + kBlock - 1) / kBlock, static_cast<std::size_t>(std::max(sms, 1)) * 4)));

    double *dpts = nullptr, *dv = nullptr;
    unsigned long long *di = nullptr, *dcount = nullptr;
    double2 *doct = nullptr, *dcand = nullptr;
    int *dm = nullptr;
    check(cudaMallocAsync(&dpts, 2 * n * sizeof(double), 0), "cudaMallocAsync pts");
    check(cudaMallocAsync(&dv, kDirs * eblocks * sizeof(double), 0), "cudaMallocAsync extreme values");
    check(cudaMallocAsync(&di, kDirs * eblocks * sizeof(unsigned long long), 0), "cudaMallocAsync extreme indices");
    check(cudaMallocAsync(&doct, kDirs * sizeof(double2), 0), "cudaMallocAsync octagon");
    check(cudaMallocAsync(&dm, sizeof(int), 0), "cudaMallocAsync octagon size");
    check(cudaMallocAsync(&dcount, sizeof(unsigned long long), 0), "cudaMallocAsync count");
    check(cudaMallocAsync(&dcand, n * sizeof(double2), 0), "cudaMallocAsync candidates");
    check(cudaMemcpyAsync(dpts, pts.data(), 2 * n * sizeof(double), cudaMemcpyHostToDevice, 0), "copy pts to the device");
    check(cudaMemsetAsync(dcount, 0, sizeof(unsigned long long), 0), "cudaMemsetAsync count");
    extremes_kernel<<<eblocks, kBlock>>>(dpts, n, dv, di);
    check(cudaGetLastError(), "extremes_kernel launch");
    octagon_kernel<<<1, kBlock>>>(dpts, dv, di, eblocks, doct, dm);
    check(cudaGetLastError(), "octagon_kernel launch");
    filter_kernel<<<grid_for(n), kBlock>>>(dpts, n, doct, dm, dcand, dcount);
    check(cudaGetLastError(), "filter_kernel launch");
    unsigned long long count = 0;
    check(cudaMemcpy(&count, dcount, sizeof(count), cudaMemcpyDeviceToHost), "copy count to the host");
    const std::size_t c = static_cast<std::size_t>(count);

    // sort the survivors by (x, y): bitonic sort of the survivors padded to a power of two
    std::size_t N = kSortTile;
    while (N < c) N <<= 1;
    double2 *dsorted = nullptr;
    check(cudaMallocAsync(&dsorted, N * sizeof(double2), 0), "cudaMallocAsync sorted points");
    pad_kernel<<<grid_for(N), kBlock>>>(dcand, c, dsorted, N);
    check(cudaGetLastError(), "pad_kernel launch");
    const unsigned tiles = static_cast<unsigned>(std::min<std::size_t>(N / kSortTile, kMaxGrid));
    bitonic_tile_kernel<<<tiles, kSortThreads>>>(dsorted, N, 2, kSortTile);
    check(cudaGetLastError(), "bitonic_tile_kernel launch");
    for (std::size_t k = 2 * kSortTile; k <= N; k <<= 1) {
        for (std::size_t j = k >> 1; j >= kSortTile; j >>= 1) {
            bitonic_global_kernel<<<grid_for(N / 2), kBlock>>>(dsorted, N, j, k);
            check(cudaGetLastError(), "bitonic_global_kernel launch");
        }
        bitonic_tile_kernel<<<tiles, kSortThreads>>>(dsorted, N, k, k);
        check(cudaGetLastError(), "bitonic_tile_kernel launch");
    }
    std::vector<double2> sorted(c);
    if (c > 0)
        check(cudaMemcpyAsync(sorted.data(), dsorted, c * sizeof(double2), cudaMemcpyDeviceToHost, 0),
              "copy the sorted survivors to the host");
    check(cudaFreeAsync(dpts, 0), "cudaFreeAsync pts");
    check(cudaFreeAsync(dv, 0), "cudaFreeAsync extreme values");
    check(cudaFreeAsync(di, 0), "cudaFreeAsync extreme indices");
    check(cudaFreeAsync(doct, 0), "cudaFreeAsync octagon");
    check(cudaFreeAsync(dm, 0), "cudaFreeAsync octagon size");
    check(cudaFreeAsync(dcount, 0), "cudaFreeAsync count");
    check(cudaFreeAsync(dcand, 0), "cudaFreeAsync candidates");
    check(cudaFreeAsync(dsorted, 0), "cudaFreeAsync sorted points");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
    return std::sqrt(diameter2_sorted(sorted));
}
