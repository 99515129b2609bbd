// CUDA reference of sparse_jacobi: a compact off-diagonal copy of A (32-bit columns) and the diagonal built once
// on the device, then one sweep kernel per iteration (8 lanes per row, shuffle sum) ping-ponging two iterates.
#include <cuda_runtime.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

void check(cudaError_t status, const char *what) {
    if (status != cudaSuccess) throw std::runtime_error(std::string(what) + ": " + cudaGetErrorString(status));
}

constexpr int BLOCK = 256;
constexpr unsigned LANES = 8;  // lanes per row (3..13 nonzeros per row)
constexpr unsigned ROWS_PER_WARP = 32 / LANES;

// Every row holds exactly one diagonal entry, so row i's off-diagonal entries start at row_ptr[i] - i in the
// compact copy. One thread per row copies them (and the diagonal) in order.
template <class I>
__global__ void compact_kernel(std::size_t n, const std::size_t *__restrict__ rp, const std::size_t *__restrict__ ci,
                               const double *__restrict__ va, I *__restrict__ col, double *__restrict__ val,
                               double *__restrict__ diag) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        std::size_t at = rp[i] - i;
        for (std::size_t k = rp[i]; k < rp[i + 1]; ++k) {
            const std::size_t c = ci[k];
            if (c == i) {
                diag[i] = va[k];
            } else {
                col[at] = static_cast<I>(c);
                val[at] = va[k];
                ++at;
            }
        }
    }
}

// nxt[i] = (b[i] - sum of the off-diagonal entries of row i times cur) / a_ii. A warp takes ROWS_PER_WARP
// consecutive rows, LANES lanes each; the loop bound is uniform over the warp, so every lane reaches the shuffles.
template <class I>
__global__ void sweep_kernel(std::size_t n, const std::size_t *__restrict__ rp, const I *__restrict__ col,
                             const double *__restrict__ val, const double *__restrict__ diag,
                             const double *__restrict__ b, const double *__restrict__ cur, double *__restrict__ nxt) {
    const unsigned lane = threadIdx.x & 31u, sub = lane % LANES;
    const std::size_t warp = (static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x) / 32;
    const std::size_t nwarps = static_cast<std::size_t>(gridDim.x) * blockDim.x / 32;
    for (std::size_t w = warp; w * ROWS_PER_WARP < n; w += nwarps) {
        const std::size_t i = w * ROWS_PER_WARP + lane / LANES;
        double s = 0.0;
        if (i < n) {
            const std::size_t begin = rp[i] - i, end = rp[i + 1] - (i + 1);
            for (std::size_t k = begin + sub; k < end; k += LANES) s += val[k] * cur[col[k]];
        }
        for (unsigned off = LANES / 2; off > 0; off >>= 1) s += __shfl_down_sync(0xffffffffu, s, off, LANES);
        if (i < n && sub == 0) nxt[i] = (b[i] - s) / diag[i];
    }
}

template <class I>
void solve(std::size_t n, std::size_t nnz, const std::size_t *drp, const std::size_t *dci, const double *dva,
           const double *db, double *dx, double *dother, int iterations) {
    const std::size_t off = nnz - n;  // off-diagonal entries
    I *col = nullptr;
    double *val = nullptr, *diag = nullptr;
    check(cudaMallocAsync(&col, (off ? off : 1) * sizeof(I), 0), "cudaMallocAsync compact columns");
    check(cudaMallocAsync(&val, (off ? off : 1) * sizeof(double), 0), "cudaMallocAsync compact values");
    check(cudaMallocAsync(&diag, n * sizeof(double), 0), "cudaMallocAsync diagonal");
    const unsigned row_blocks = static_cast<unsigned>(std::min<std::size_t>((n + BLOCK - 1) / BLOCK, 65535u * 8u));
    compact_kernel<I><<<row_blocks, BLOCK>>>(n, drp, dci, dva, col, val, diag);
    check(cudaGetLastError(), "compact_kernel launch");
    check(cudaMemsetAsync(dx, 0, n * sizeof(double), 0), "clear x");
    const std::size_t threads = (n + ROWS_PER_WARP - 1) / ROWS_PER_WARP * 32;
    const unsigned blocks = static_cast<unsigned>(std::min<std::size_t>((threads + BLOCK - 1) / BLOCK, 65535u * 8u));
    double *cur = dx, *nxt = dother;
    for (int it = 0; it < iterations; ++it) {
        sweep_kernel<I><<<blocks, BLOCK>>>(n, drp, col, val, diag, db, cur, nxt);
        check(cudaGetLastError(), "sweep_kernel launch");
        double *t = cur;
        cur = nxt;
        nxt = t;
    }
    if (cur != dx) check(cudaMemcpyAsync(dx, cur, n * sizeof(double), cudaMemcpyDeviceToDevice, 0), "copy iterate");
    check(cudaFreeAsync(col, 0), "cudaFreeAsync compact columns");
    check(cudaFreeAsync(val, 0), "cudaFreeAsync compact values");
    check(cudaFreeAsync(diag, 0), "cudaFreeAsync diagonal");
}

}  // namespace

void sparse_jacobi(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
                   const std::vector<double> &values, const std::vector<double> &b, std::vector<double> &x,
                   int iterations) {
    if (n == 0) return;
    const std::size_t nnz = row_ptr[n];
    std::size_t *drp = nullptr, *dci = nullptr;
    double *dva = nullptr, *db = nullptr, *dx = nullptr, *dother = nullptr;
    check(cudaMallocAsync(&drp, (n + 1) * sizeof(std::size_t), 0), "cudaMallocAsync row_ptr");
    check(cudaMallocAsync(&dci, nnz * sizeof(std::size_t), 0), "cudaMallocAsync col_idx");
    check(cudaMallocAsync(&dva, nnz * sizeof(double), 0), "cudaMallocAsync values");
    check(cudaMallocAsync(&db, n * sizeof(double), 0), "cudaMallocAsync b");
    check(cudaMallocAsync(&dx, n * sizeof(double), 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&dother, n * sizeof(double), 0), "cudaMallocAsync second iterate");
    check(cudaMemcpyAsync(drp, row_ptr.data(), (n + 1) * sizeof(std::size_t), cudaMemcpyHostToDevice, 0),
          "copy row_ptr");
    check(cudaMemcpyAsync(dci, col_idx.data(), nnz * sizeof(std::size_t), cudaMemcpyHostToDevice, 0), "copy col_idx");
    check(cudaMemcpyAsync(dva, values.data(), nnz * sizeof(double), cudaMemcpyHostToDevice, 0), "copy values");
    check(cudaMemcpyAsync(db, b.data(), n * sizeof(double), cudaMemcpyHostToDevice, 0), "copy b");
    if (n <= UINT32_MAX)
        solve<std::uint32_t>(n, nnz, drp, dci, dva, db, dx, dother, iterations);
    else
        solve<std::size_t>(n, nnz, drp, dci, dva, db, dx, dother, iterations);
    check(cudaMemcpyAsync(x.data(), dx, n * sizeof(double), cudaMemcpyDeviceToHost, 0), "copy x to the host");
    check(cudaFreeAsync(drp, 0), "cudaFreeAsync row_ptr");
    check(cudaFreeAsync(dci, 0), "cudaFreeAsync col_idx");
    check(cudaFreeAsync(dva, 0), "cudaFreeAsync values");
    check(cudaFreeAsync(db, 0), "cudaFreeAsync b");
    check(cudaFreeAsync(dx, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(dother, 0), "cudaFreeAsync second iterate");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
