// CUDA reference of argmax_abs: grid-stride (max |x|, first index) per thread, block tree reductions, one final block.
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

constexpr int BLOCK = 256;

// (a, ia) beats (b, ib): a larger value, or the same value at a smaller index.
__device__ __forceinline__ bool better(double a, std::size_t ia, double b, std::size_t ib) {
    return a > b || (a == b && ia < ib);
}

// Reduces the block's (value, index) pairs; thread 0 writes the winner to out_val/out_idx[blockIdx.x].
__device__ void block_argmax(double v, std::size_t idx, double *out_val, std::size_t *out_idx) {
    __shared__ double sv[BLOCK];
    __shared__ std::size_t si[BLOCK];
    sv[threadIdx.x] = v;
    si[threadIdx.x] = idx;
    __syncthreads();
    for (int s = BLOCK / 2; s > 0; s >>= 1) {
        if (static_cast<int>(threadIdx.x) < s) {
            const double ov = sv[threadIdx.x + s];
            const std::size_t oi = si[threadIdx.x + s];
            if (better(ov, oi, sv[threadIdx.x], si[threadIdx.x])) {
                sv[threadIdx.x] = ov;
                si[threadIdx.x] = oi;
            }
        }
        __syncthreads();
    }
    if (threadIdx.x == 0) {
        out_val[blockIdx.x] = sv[0];
        out_idx[blockIdx.x] = si[0];
    }
}

// Each thread scans i = tid, tid + stride, ... in increasing order: only a strictly larger |x| replaces
// its best, so it keeps its first index of its maximum; the block then combines with the tie rule.
__global__ void partial_kernel(const double *__restrict__ x, std::size_t n, double *pval, std::size_t *pidx) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    double best = -1.0;  // loses to every |x|
    std::size_t best_i = ~std::size_t(0);
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        const double a = fabs(x[i]);
        if (a > best) {
            best = a;
            best_i = i;
        }
    }
    block_argmax(best, best_i, pval, pidx);
}

// One block combines the `parts` block winners.
__global__ void final_kernel(const double *__restrict__ pval, const std::size_t *__restrict__ pidx, int parts,
                             double *rval, std::size_t *ridx) {
    double best = -1.0;
    std::size_t best_i = ~std::size_t(0);
    for (int b = threadIdx.x; b < parts; b += blockDim.x)
        if (better(pval[b], pidx[b], best, best_i)) {
            best = pval[b];
            best_i = pidx[b];
        }
    block_argmax(best, best_i, rval, ridx);
}

}  // namespace

size_t argmax_abs(const std::vector<double> &x) {
    const std::size_t n = x.size();
    if (n <= 1) return 0;
    const int parts = static_cast<int>(std::min<std::size_t>((n + BLOCK - 1) / BLOCK, 2048));
    double *dx = nullptr, *dval = nullptr;
    std::size_t *didx = nullptr;
    check(cudaMallocAsync(&dx, n * sizeof(double), 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&dval, (parts + 1) * sizeof(double), 0), "cudaMallocAsync partial values");
    check(cudaMallocAsync(&didx, (parts + 1) * sizeof(std::size_t), 0), "cudaMallocAsync partial indices");
    check(cudaMemcpyAsync(dx, x.data(), n * sizeof(double), cudaMemcpyHostToDevice, 0), "copy x to the device");
    partial_kernel<<<parts, BLOCK>>>(dx, n, dval, didx);
    check(cudaGetLastError(), "partial_kernel launch");
    final_kernel<<<1, BLOCK>>>(dval, didx, parts, dval + parts, didx + parts);
    check(cudaGetLastError(), "final_kernel launch");
    std::size_t result = 0;
    check(cudaMemcpyAsync(&result, didx + parts, sizeof(std::size_t), cudaMemcpyDeviceToHost, 0),
          "copy the index to the host");
    check(cudaFreeAsync(dx, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(dval, 0), "cudaFreeAsync partial values");
    check(cudaFreeAsync(didx, 0), "cudaFreeAsync partial indices");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
    return result;
}
