// CUDA reference of spmv: vector CSR kernel, 8 lanes per row (coalesced reads of the row's nonzeros), shuffle sum.
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
constexpr unsigned LANES = 8;  // lanes per row (5..30 nonzeros per row)
constexpr unsigned ROWS_PER_WARP = 32 / LANES;

// A warp takes ROWS_PER_WARP consecutive rows, LANES lanes each; the loop bound is uniform over the warp, so every
// lane reaches the shuffles.
__global__ void spmv_kernel(std::size_t nrows, const std::size_t *__restrict__ rp, const std::size_t *__restrict__ ci,
                            const double *__restrict__ va, const double *__restrict__ x, double *__restrict__ y) {
    const unsigned lane = threadIdx.x & 31u, sub = lane % LANES;
    const std::size_t warp = (static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x) / 32;
    const std::size_t nwarps = static_cast<std::size_t>(gridDim.x) * blockDim.x / 32;
    for (std::size_t w = warp; w * ROWS_PER_WARP < nrows; w += nwarps) {
        const std::size_t i = w * ROWS_PER_WARP + lane / LANES;
        double s = 0.0;
        if (i < nrows) {
            const std::size_t end = rp[i + 1];
            for (std::size_t k = rp[i] + sub; k < end; k += LANES) s += va[k] * x[ci[k]];
        }
        for (unsigned off = LANES / 2; off > 0; off >>= 1) s += __shfl_down_sync(0xffffffffu, s, off, LANES);
        if (i < nrows && sub == 0) y[i] = s;
    }
}

}  // namespace

void spmv(size_t nrows, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
          const std::vector<double> &values, const std::vector<double> &x, std::vector<double> &y) {
    if (nrows == 0) return;
    const std::size_t nnz = row_ptr[nrows], nnz_alloc = nnz ? nnz : 1;
    const std::size_t ncols = x.size(), ncols_alloc = ncols ? ncols : 1;
    std::size_t *drp = nullptr, *dci = nullptr;
    double *dva = nullptr, *dx = nullptr, *dy = nullptr;
    check(cudaMallocAsync(&drp, (nrows + 1) * sizeof(std::size_t), 0), "cudaMallocAsync row_ptr");
    check(cudaMallocAsync(&dci, nnz_alloc * sizeof(std::size_t), 0), "cudaMallocAsync col_idx");
    check(cudaMallocAsync(&dva, nnz_alloc * sizeof(double), 0), "cudaMallocAsync values");
    check(cudaMallocAsync(&dx, ncols_alloc * sizeof(double), 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&dy, nrows * sizeof(double), 0), "cudaMallocAsync y");
    check(cudaMemcpyAsync(drp, row_ptr.data(), (nrows + 1) * sizeof(std::size_t), cudaMemcpyHostToDevice, 0),
          "copy row_ptr");
    if (nnz) {
        check(cudaMemcpyAsync(dci, col_idx.data(), nnz * sizeof(std::size_t), cudaMemcpyHostToDevice, 0),
              "copy col_idx");
        check(cudaMemcpyAsync(dva, values.data(), nnz * sizeof(double), cudaMemcpyHostToDevice, 0), "copy values");
    }
    if (ncols) check(cudaMemcpyAsync(dx, x.data(), ncols * sizeof(double), cudaMemcpyHostToDevice, 0), "copy x");
    const std::size_t threads = (nrows + ROWS_PER_WARP - 1) / ROWS_PER_WARP * 32;
    const unsigned blocks = static_cast<unsigned>(std::min<std::size_t>((threads + BLOCK - 1) / BLOCK, 65535u * 8u));
    spmv_kernel<<<blocks, BLOCK>>>(nrows, drp, dci, dva, dx, dy);
    check(cudaGetLastError(), "spmv_kernel launch");
    check(cudaMemcpyAsync(y.data(), dy, nrows * sizeof(double), cudaMemcpyDeviceToHost, 0), "copy y to the host");
    check(cudaFreeAsync(drp, 0), "cudaFreeAsync row_ptr");
    check(cudaFreeAsync(dci, 0), "cudaFreeAsync col_idx");
    check(cudaFreeAsync(dva, 0), "cudaFreeAsync values");
    check(cudaFreeAsync(dx, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(dy, 0), "cudaFreeAsync y");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
