// CUDA reference of sparse_dot: one warp per pair; the lanes take the entries of the shorter vector and binary
// search each index in the longer one, then a warp-shuffle sum.
#include <cuda_runtime.h>

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

void check(cudaError_t status, const char *what) {
    if (status != cudaSuccess) throw std::runtime_error(std::string(what) + ": " + cudaGetErrorString(status));
}

constexpr int BLOCK = 256;
constexpr int WARPS_PER_BLOCK = BLOCK / 32;

// The pair loop is uniform over a warp (one pair per warp), so all 32 lanes reach every shuffle.
__global__ void sparse_dot_kernel(std::size_t npairs, const std::size_t *__restrict__ pa,
                                  const std::size_t *__restrict__ pb, const std::size_t *__restrict__ vp,
                                  const std::size_t *__restrict__ vi, const double *__restrict__ vv,
                                  double *__restrict__ out) {
    const unsigned lane = threadIdx.x & 31u;
    const std::size_t warp = static_cast<std::size_t>(blockIdx.x) * WARPS_PER_BLOCK + (threadIdx.x >> 5);
    const std::size_t nwarps = static_cast<std::size_t>(gridDim.x) * WARPS_PER_BLOCK;
    for (std::size_t p = warp; p < npairs; p += nwarps) {
        const std::size_t a = pa[p], b = pb[p];
        std::size_t s0 = vp[a], s1 = vp[a + 1], l0 = vp[b], l1 = vp[b + 1];
        if (s1 - s0 > l1 - l0) {  // s: the shorter vector, l: the longer one
            std::size_t t = s0; s0 = l0; l0 = t;
            t = s1; s1 = l1; l1 = t;
        }
        double sum = 0.0;
        for (std::size_t k = s0 + lane; k < s1; k += 32) {
            const std::size_t key = vi[k];
            std::size_t lo = l0, hi = l1;  // first position in [l0, l1) whose index is >= key
            while (lo < hi) {
                const std::size_t mid = lo + (hi - lo) / 2;
                if (vi[mid] < key) lo = mid + 1;
                else hi = mid;
            }
            if (lo < l1 && vi[lo] == key) sum += vv[k] * vv[lo];
        }
        for (int off = 16; off > 0; off >>= 1) sum += __shfl_down_sync(0xffffffffu, sum, off);
        if (lane == 0) out[p] = sum;
    }
}

}  // namespace

void sparse_dot(size_t npairs, const std::vector<size_t> &pair_a, const std::vector<size_t> &pair_b,
                const std::vector<size_t> &vec_ptr, const std::vector<size_t> &vec_idx,
                const std::vector<double> &vec_val, std::vector<double> &out) {
    if (npairs == 0) return;
    const std::size_t nptr = vec_ptr.size(), nnz = vec_idx.size();
    std::size_t *dpa = nullptr, *dpb = nullptr, *dvp = nullptr, *dvi = nullptr;
    double *dvv = nullptr, *dout = nullptr;
    const std::size_t nnz_alloc = nnz ? nnz : 1;
    check(cudaMallocAsync(&dpa, npairs * sizeof(std::size_t), 0), "cudaMallocAsync pair_a");
    check(cudaMallocAsync(&dpb, npairs * sizeof(std::size_t), 0), "cudaMallocAsync pair_b");
    check(cudaMallocAsync(&dvp, nptr * sizeof(std::size_t), 0), "cudaMallocAsync vec_ptr");
    check(cudaMallocAsync(&dvi, nnz_alloc * sizeof(std::size_t), 0), "cudaMallocAsync vec_idx");
    check(cudaMallocAsync(&dvv, nnz_alloc * sizeof(double), 0), "cudaMallocAsync vec_val");
    check(cudaMallocAsync(&dout, npairs * sizeof(double), 0), "cudaMallocAsync out");
    check(cudaMemcpyAsync(dpa, pair_a.data(), npairs * sizeof(std::size_t), cudaMemcpyHostToDevice, 0), "copy pair_a");
    check(cudaMemcpyAsync(dpb, pair_b.data(), npairs * sizeof(std::size_t), cudaMemcpyHostToDevice, 0), "copy pair_b");
    check(cudaMemcpyAsync(dvp, vec_ptr.data(), nptr * sizeof(std::size_t), cudaMemcpyHostToDevice, 0),
          "copy vec_ptr");
    if (nnz) {
        check(cudaMemcpyAsync(dvi, vec_idx.data(), nnz * sizeof(std::size_t), cudaMemcpyHostToDevice, 0),
              "copy vec_idx");
        check(cudaMemcpyAsync(dvv, vec_val.data(), nnz * sizeof(double), cudaMemcpyHostToDevice, 0), "copy vec_val");
    }
    const std::size_t blocks = std::min<std::size_t>((npairs + WARPS_PER_BLOCK - 1) / WARPS_PER_BLOCK, 65535u * 8u);
    sparse_dot_kernel<<<static_cast<unsigned>(blocks), BLOCK>>>(npairs, dpa, dpb, dvp, dvi, dvv, dout);
    check(cudaGetLastError(), "sparse_dot_kernel launch");
    check(cudaMemcpyAsync(out.data(), dout, npairs * sizeof(double), cudaMemcpyDeviceToHost, 0), "copy out back");
    check(cudaFreeAsync(dpa, 0), "cudaFreeAsync pair_a");
    check(cudaFreeAsync(dpb, 0), "cudaFreeAsync pair_b");
    check(cudaFreeAsync(dvp, 0), "cudaFreeAsync vec_ptr");
    check(cudaFreeAsync(dvi, 0), "cudaFreeAsync vec_idx");
    check(cudaFreeAsync(dvv, 0), "cudaFreeAsync vec_val");
    check(cudaFreeAsync(dout, 0), "cudaFreeAsync out");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
