// CUDA reference of cg: the CG iteration on the device with its scalars kept in device memory (no host round trip per iteration): per iteration a fused SpMV + p.Ap kernel, a fused x/r update + r.r kernel and the p update; block sums by warp shuffles and double atomics.
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

constexpr int BLOCK = 256;  // a multiple of 32: every warp is full in the shuffles

// Adds the block's sum of v to *target (one atomic per block). Every thread of the block must call it.
__device__ __forceinline__ void block_add(double v, double *target) {
    __shared__ double warp_sum[BLOCK / 32];
    for (int off = 16; off > 0; off >>= 1) v += __shfl_down_sync(0xffffffffu, v, off);
    const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
    if (lane == 0) warp_sum[warp] = v;
    __syncthreads();
    if (warp == 0) {
        v = lane < BLOCK / 32 ? warp_sum[lane] : 0.0;
        for (int off = 16; off > 0; off >>= 1) v += __shfl_down_sync(0xffffffffu, v, off);
        if (lane == 0) atomicAdd(target, v);
    }
}

// x = 0, r = p = b, rr[0] += b.b
__global__ void init_kernel(const double *__restrict__ b, double *__restrict__ x, double *__restrict__ r,
                            double *__restrict__ p, std::size_t n, double *rr0) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    double s = 0.0;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        const double v = b[i];
        x[i] = 0.0;
        r[i] = v;
        p[i] = v;
        s += v * v;
    }
    block_add(s, rr0);
}

// Ap = A p (one row per thread) and pAp += p.Ap; nothing when rr == 0 (the iteration has stopped).
__global__ void spmv_kernel(const std::size_t *__restrict__ row_ptr, const std::size_t *__restrict__ col_idx,
                            const double *__restrict__ values, const double *__restrict__ p, double *__restrict__ Ap,
                            std::size_t n, const double *rr, double *pAp) {
    if (*rr == 0.0) return;  // the same for every thread of the grid
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    double s = 0.0;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        double sum = 0.0;
        for (std::size_t k = row_ptr[i], end = row_ptr[i + 1]; k < end; ++k) sum += values[k] * p[col_idx[k]];
        Ap[i] = sum;
        s += p[i] * sum;
    }
    block_add(s, pAp);
}

// alpha = rr / pAp; x += alpha p; r -= alpha Ap; rr_new += r.r
__global__ void update_kernel(double *__restrict__ x, double *__restrict__ r, const double *__restrict__ p,
                              const double *__restrict__ Ap, std::size_t n, const double *rr, const double *pAp,
                              double *rr_new) {
    const double rrv = *rr;
    if (rrv == 0.0) return;
    const double alpha = rrv / *pAp;
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    double s = 0.0;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        x[i] += alpha * p[i];
        const double ri = r[i] - alpha * Ap[i];
        r[i] = ri;
        s += ri * ri;
    }
    block_add(s, rr_new);
}

// p = r + (rr_new / rr) p
__global__ void direction_kernel(const double *__restrict__ r, double *__restrict__ p, std::size_t n, const double *rr,
                                 const double *rr_new) {
    const double rrv = *rr;
    if (rrv == 0.0) return;
    const double beta = *rr_new / rrv;
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride)
        p[i] = r[i] + beta * p[i];
}

}  // namespace

void conjugate_gradient(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
                        const std::vector<double> &values, const std::vector<double> &b, std::vector<double> &x,
                        int iterations) {
    if (n == 0) return;
    const std::size_t nnz = row_ptr[n];
    const int iters = std::max(iterations, 0);
    std::size_t *drp = nullptr, *dci = nullptr;
    double *dval = nullptr, *db = nullptr, *dx = nullptr, *dr = nullptr, *dp = nullptr, *dAp = nullptr;
    double *scal = nullptr;  // rr[0 .. iters], then pAp[0 .. iters - 1]: fresh slots every iteration, no resets
    const std::size_t nscal = 2 * static_cast<std::size_t>(iters) + 1;
    check(cudaMallocAsync(&drp, (n + 1) * sizeof(std::size_t), 0), "cudaMallocAsync row_ptr");
    check(cudaMallocAsync(&dci, std::max<std::size_t>(nnz, 1) * sizeof(std::size_t), 0), "cudaMallocAsync col_idx");
    check(cudaMallocAsync(&dval, std::max<std::size_t>(nnz, 1) * sizeof(double), 0), "cudaMallocAsync values");
    check(cudaMallocAsync(&db, n * sizeof(double), 0), "cudaMallocAsync b");
    check(cudaMallocAsync(&dx, n * sizeof(double), 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&dr, n * sizeof(double), 0), "cudaMallocAsync r");
    check(cudaMallocAsync(&dp, n * sizeof(double), 0), "cudaMallocAsync p");
    check(cudaMallocAsync(&dAp, n * sizeof(double), 0), "cudaMallocAsync Ap");
    check(cudaMallocAsync(&scal, nscal * sizeof(double), 0), "cudaMallocAsync scalars");
    check(cudaMemsetAsync(scal, 0, nscal * sizeof(double), 0), "clear the scalars");
    check(cudaMemcpyAsync(drp, row_ptr.data(), (n + 1) * sizeof(std::size_t), cudaMemcpyHostToDevice, 0),
          "copy row_ptr to the device");
    if (nnz > 0) {
        check(cudaMemcpyAsync(dci, col_idx.data(), nnz * sizeof(std::size_t), cudaMemcpyHostToDevice, 0),
              "copy col_idx to the device");
        check(cudaMemcpyAsync(dval, values.data(), nnz * sizeof(double), cudaMemcpyHostToDevice, 0),
              "copy values to the device");
    }
    check(cudaMemcpyAsync(db, b.data(), n * sizeof(double), cudaMemcpyHostToDevice, 0), "copy b to the device");
    const std::size_t blocks = std::min<std::size_t>((n + BLOCK - 1) / BLOCK, 65535u * 8u);
    const unsigned g = static_cast<unsigned>(blocks);
    double *rr = scal, *pAp = scal + iters + 1;
    init_kernel<<<g, BLOCK>>>(db, dx, dr, dp, n, rr);
    check(cudaGetLastError(), "init_kernel launch");
    for (int it = 0; it < iters; ++it) {
        // once rr[it] == 0, every kernel returns at once and rr[it + 1] stays 0: the iteration has stopped
        spmv_kernel<<<g, BLOCK>>>(drp, dci, dval, dp, dAp, n, rr + it, pAp + it);
        check(cudaGetLastError(), "spmv_kernel launch");
        update_kernel<<<g, BLOCK>>>(dx, dr, dp, dAp, n, rr + it, pAp + it, rr + it + 1);
        check(cudaGetLastError(), "update_kernel launch");
        direction_kernel<<<g, BLOCK>>>(dr, dp, n, rr + it, rr + it + 1);
        check(cudaGetLastError(), "direction_kernel launch");
    }
    check(cudaMemcpyAsync(x.data(), dx, n * sizeof(double), cudaMemcpyDeviceToHost, 0), "copy x to the host");
    check(cudaFreeAsync(drp, 0), "cudaFreeAsync row_ptr");
    check(cudaFreeAsync(dci, 0), "cudaFreeAsync col_idx");
    check(cudaFreeAsync(dval, 0), "cudaFreeAsync values");
    check(cudaFreeAsync(db, 0), "cudaFreeAsync b");
    check(cudaFreeAsync(dx, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(dr, 0), "cudaFreeAsync r");
    check(cudaFreeAsync(dp, 0), "cudaFreeAsync p");
    check(cudaFreeAsync(dAp, 0), "cudaFreeAsync Ap");
    check(cudaFreeAsync(scal, 0), "cudaFreeAsync scalars");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
