// CUDA reference of spmm: G lanes per row of A (G the power of two >= p, at most 32); lane j accumulates C[i][j],
// C[i][j + G], ... over the row's nonzeros (coalesced reads of B's rows and C's row, A's entries broadcast).
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

// Thread t: row t / g, columns t % g + g * s. No shuffles, so no warp uniformity is needed.
__global__ void spmm_kernel(std::size_t m, std::size_t p, unsigned g, const std::size_t *__restrict__ rp,
                            const std::size_t *__restrict__ ci, const double *__restrict__ va,
                            const double *__restrict__ B, double *__restrict__ C) {
    const std::size_t total = m * g;
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t t = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; t < total; t += stride) {
        const std::size_t i = t / g;
        const std::size_t begin = rp[i], end = rp[i + 1];
        for (std::size_t j = t % g; j < p; j += g) {
            double s = 0.0;
            for (std::size_t q = begin; q < end; ++q) s += va[q] * B[ci[q] * p + j];
            C[i * p + j] = s;
        }
    }
}

}  // namespace

void spmm(size_t m, size_t k, size_t p, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
          const std::vector<double> &values, const std::vector<double> &B, std::vector<double> &C) {
    if (m == 0 || p == 0) return;
    const std::size_t nnz = row_ptr[m], nnz_alloc = nnz ? nnz : 1;
    const std::size_t bsize = k * p, bsize_alloc = bsize ? bsize : 1, csize = m * p;
    std::size_t *drp = nullptr, *dci = nullptr;
    double *dva = nullptr, *dB = nullptr, *dC = nullptr;
    check(cudaMallocAsync(&drp, (m + 1) * sizeof(std::size_t), 0), "cudaMallocAsync row_ptr");
    check(cudaMallocAsync(&dci, nnz_alloc * sizeof(std::size_t), 0), "cudaMallocAsync col_idx");
    check(cudaMallocAsync(&dva, nnz_alloc * sizeof(double), 0), "cudaMallocAsync values");
    check(cudaMallocAsync(&dB, bsize_alloc * sizeof(double), 0), "cudaMallocAsync B");
    check(cudaMallocAsync(&dC, csize * sizeof(double), 0), "cudaMallocAsync C");
    check(cudaMemcpyAsync(drp, row_ptr.data(), (m + 1) * sizeof(std::size_t), cudaMemcpyHostToDevice, 0),
          "copy row_ptr");
    if (nnz) {
        check(cudaMemcpyAsync(dci, col_idx.data(), nnz * sizeof(std::size_t), cudaMemcpyHostToDevice, 0),
              "copy col_idx");
        check(cudaMemcpyAsync(dva, values.data(), nnz * sizeof(double), cudaMemcpyHostToDevice, 0), "copy values");
    }
    if (bsize) check(cudaMemcpyAsync(dB, B.data(), bsize * sizeof(double), cudaMemcpyHostToDevice, 0), "copy B");
    unsigned g = 1;
    while (g < 32 && g < p) g <<= 1;
    const std::size_t threads = m * g;
    const unsigned blocks = static_cast<unsigned>(std::min<std::size_t>((threads + BLOCK - 1) / BLOCK, 65535u * 8u));
    spmm_kernel<<<blocks, BLOCK>>>(m, p, g, drp, dci, dva, dB, dC);
    check(cudaGetLastError(), "spmm_kernel launch");
    check(cudaMemcpyAsync(C.data(), dC, csize * sizeof(double), cudaMemcpyDeviceToHost, 0), "copy C to the host");
    check(cudaFreeAsync(drp, 0), "cudaFreeAsync row_ptr");
    check(cudaFreeAsync(dci, 0), "cudaFreeAsync col_idx");
    check(cudaFreeAsync(dva, 0), "cudaFreeAsync values");
    check(cudaFreeAsync(dB, 0), "cudaFreeAsync B");
    check(cudaFreeAsync(dC, 0), "cudaFreeAsync C");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
