// CUDA reference of spmv_transpose: y cleared on the device, then 8 lanes per row scatter values[k] * x[i] into
// y[col_idx[k]] with double atomicAdd (coalesced reads of the row, no race on y).
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

// Thread t works on row t / LANES, entries rp[i] + t % LANES, + LANES, ...; no shuffles, so no warp uniformity
// is needed.
__global__ void scatter_kernel(std::size_t nrows, const std::size_t *__restrict__ rp,
                               const std::size_t *__restrict__ ci, const double *__restrict__ va,
                               const double *__restrict__ x, double *__restrict__ y) {
    const std::size_t total = nrows * LANES;
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t t = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; t < total; t += stride) {
        const std::size_t i = t / LANES;
        const std::size_t end = rp[i + 1];
        const double xi = x[i];
        for (std::size_t k = rp[i] + t % LANES; k < end; k += LANES) atomicAdd(&y[ci[k]], va[k] * xi);
    }
}

}  // namespace

void spmv_transpose(size_t nrows, size_t ncols, const std::vector<size_t> &row_ptr,
                    const std::vector<size_t> &col_idx, const std::vector<double> &values,
                    const std::vector<double> &x, std::vector<double> &y) {
    if (ncols == 0) return;
    const std::size_t nnz = row_ptr[nrows], nnz_alloc = nnz ? nnz : 1, nrows_alloc = nrows ? nrows : 1;
    std::size_t *drp = nullptr, *dci = nullptr;
    double *dva = nullptr, *dx = nullptr, *dy = nullptr;
    check(cudaMallocAsync(&drp, (nrows + 1) * sizeof(std::size_t), 0), "cudaMallocAsync row_ptr");
    check(cudaMallocAsync(&dci, nnz_alloc * sizeof(std::size_t), 0), "cudaMallocAsync col_idx");
    check(cudaMallocAsync(&dva, nnz_alloc * sizeof(double), 0), "cudaMallocAsync values");
    check(cudaMallocAsync(&dx, nrows_alloc * sizeof(double), 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&dy, ncols * sizeof(double), 0), "cudaMallocAsync y");
    check(cudaMemsetAsync(dy, 0, ncols * sizeof(double), 0), "clear y");
    if (nrows > 0 && nnz > 0) {
        check(cudaMemcpyAsync(drp, row_ptr.data(), (nrows + 1) * sizeof(std::size_t), cudaMemcpyHostToDevice, 0),
              "copy row_ptr");
        check(cudaMemcpyAsync(dci, col_idx.data(), nnz * sizeof(std::size_t), cudaMemcpyHostToDevice, 0),
              "copy col_idx");
        check(cudaMemcpyAsync(dva, values.data(), nnz * sizeof(double), cudaMemcpyHostToDevice, 0), "copy values");
        check(cudaMemcpyAsync(dx, x.data(), nrows * sizeof(double), cudaMemcpyHostToDevice, 0), "copy x");
    }
    // With no nonzeros the kernel has nothing to add: one block still runs (and finds no row with entries).
    const std::size_t threads = (nnz > 0 ? nrows : 0) * LANES;
    const unsigned blocks =
        static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>((threads + BLOCK - 1) / BLOCK, 65535u * 8u)));
    scatter_kernel<<<blocks, BLOCK>>>(nnz > 0 ? nrows : 0, drp, dci, dva, dx, dy);
    check(cudaGetLastError(), "scatter_kernel launch");
    check(cudaMemcpyAsync(y.data(), dy, ncols * sizeof(double), cudaMemcpyDeviceToHost, 0), "copy y to the host");
    check(cudaFreeAsync(drp, 0), "cudaFreeAsync row_ptr");
    check(cudaFreeAsync(dci, 0), "cudaFreeAsync col_idx");
    check(cudaFreeAsync(dva, 0), "cudaFreeAsync values");
    check(cudaFreeAsync(dx, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(dy, 0), "cudaFreeAsync y");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
