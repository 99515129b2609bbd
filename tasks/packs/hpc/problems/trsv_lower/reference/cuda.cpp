// CUDA reference of trsv_lower: right-looking blocked forward substitution with bands of 64 rows: one block solves
// the band's diagonal triangle from shared memory, then a warp-per-row kernel subtracts the band's columns times
// the new x from the rows below. Only the lower triangle (band by band) is copied to the device.
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

constexpr int NB = 64;             // rows per band (the diagonal block is NB x NB)
constexpr std::size_t COPY_ROWS = 256;  // rows per host-to-device copy of the lower triangle
constexpr int BLOCK = 256;

// One block of NB threads: thread t owns row r0 + t of the band, whose right-hand side r[] already holds b minus
// the contributions of all earlier bands. Column by column: x_j = r_j / L_jj, then every later row subtracts
// L_tj * x_j. Only entries with column <= row are read.
__global__ void diag_kernel(const double *__restrict__ L, double *__restrict__ r, double *__restrict__ x,
                            std::size_t n, std::size_t r0, int len) {
    __shared__ double Ls[NB][NB + 1];
    __shared__ double xs[NB];
    const int t = threadIdx.x;
    for (int idx = t; idx < NB * NB; idx += NB) {
        const int rr = idx / NB, cc = idx % NB;
        Ls[rr][cc] = (rr < len && cc <= rr) ? L[(r0 + rr) * n + r0 + cc] : 0.0;
    }
    double rt = t < len ? r[r0 + t] : 0.0;
    __syncthreads();
    for (int j = 0; j < len; ++j) {
        if (t == j) xs[j] = rt / Ls[j][j];
        __syncthreads();
        if (t > j && t < len) rt -= Ls[t][j] * xs[j];
    }
    if (t < len) x[r0 + t] = xs[t];
}

// Rows i in [r1, n): r[i] -= sum over the band's columns j in [r0, r1) of L[i][j] * x[j]. One warp per row (the
// row loop is uniform over the warp, so all lanes reach the shuffles); len <= NB = 2 * 32 columns.
__global__ void update_kernel(const double *__restrict__ L, double *__restrict__ r, const double *__restrict__ x,
                              std::size_t n, std::size_t r0, std::size_t r1) {
    const unsigned lane = threadIdx.x & 31u;
    const std::size_t warp = (static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x) / 32;
    const std::size_t nwarps = static_cast<std::size_t>(gridDim.x) * blockDim.x / 32;
    for (std::size_t i = r1 + warp; i < n; i += nwarps) {
        const double *row = L + i * n;
        double s = 0.0;
        for (std::size_t j = r0 + lane; j < r1; j += 32) s += row[j] * x[j];
        for (int off = 16; off > 0; off >>= 1) s += __shfl_down_sync(0xffffffffu, s, off);
        if (lane == 0) r[i] -= s;
    }
}

}  // namespace

void trsv_lower(const std::vector<double> &L, const std::vector<double> &b, std::vector<double> &x, size_t n) {
    if (n == 0) return;
    double *dL = nullptr, *dr = nullptr, *dx = nullptr;
    check(cudaMallocAsync(&dL, n * n * sizeof(double), 0), "cudaMallocAsync L");
    check(cudaMallocAsync(&dr, n * sizeof(double), 0), "cudaMallocAsync right-hand side");
    check(cudaMallocAsync(&dx, n * sizeof(double), 0), "cudaMallocAsync x");
    // Rows [c0, c1) need columns [0, c1) at most: copy that rectangle of each group of rows (about half of L; the
    // entries above the diagonal that come along are never read, and the rest of dL stays unwritten and unread).
    for (std::size_t c0 = 0; c0 < n; c0 += COPY_ROWS) {
        const std::size_t c1 = std::min(n, c0 + COPY_ROWS);
        check(cudaMemcpy2DAsync(dL + c0 * n, n * sizeof(double), L.data() + c0 * n, n * sizeof(double),
                                c1 * sizeof(double), c1 - c0, cudaMemcpyHostToDevice, 0),
              "copy the lower triangle of L");
    }
    check(cudaMemcpyAsync(dr, b.data(), n * sizeof(double), cudaMemcpyHostToDevice, 0), "copy b");
    for (std::size_t r0 = 0; r0 < n; r0 += NB) {
        const std::size_t r1 = std::min(n, r0 + NB);
        diag_kernel<<<1, NB>>>(dL, dr, dx, n, r0, static_cast<int>(r1 - r0));
        check(cudaGetLastError(), "diag_kernel launch");
        if (r1 < n) {
            const std::size_t rows = n - r1;
            const unsigned blocks =
                static_cast<unsigned>(std::min<std::size_t>((rows * 32 + BLOCK - 1) / BLOCK, 65535u * 8u));
            update_kernel<<<blocks, BLOCK>>>(dL, dr, dx, n, r0, r1);
            check(cudaGetLastError(), "update_kernel launch");
        }
    }
    check(cudaMemcpyAsync(x.data(), dx, n * sizeof(double), cudaMemcpyDeviceToHost, 0), "copy x to the host");
    check(cudaFreeAsync(dL, 0), "cudaFreeAsync L");
    check(cudaFreeAsync(dr, 0), "cudaFreeAsync right-hand side");
    check(cudaFreeAsync(dx, 0), "cudaFreeAsync x");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
