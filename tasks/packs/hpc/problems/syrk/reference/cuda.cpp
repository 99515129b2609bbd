// CUDA reference of syrk: shared-memory tiled C = A^T A; a block of 32 x 8 threads computes a 32 x 32 tile of C
// (4 elements per thread) from 32-row panels of A's column blocks i and j (coalesced loads, broadcast reads).
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

constexpr int TILE = 32;
constexpr int ROWS = 8;  // threads in y; each computes TILE / ROWS elements of C

// Tile (by, bx) of C: rows i0 + ty + ROWS * q, column j0 + tx. Grid-stride over tiles in both dimensions.
__global__ void syrk_kernel(const double *__restrict__ A, double *__restrict__ C, std::size_t m, std::size_t n) {
    __shared__ double Ai[TILE][TILE + 1];  // Ai[pp][c] = A[p0 + pp][i0 + c]
    __shared__ double Aj[TILE][TILE + 1];  // Aj[pp][c] = A[p0 + pp][j0 + c]
    const unsigned tx = threadIdx.x, ty = threadIdx.y;
    const std::size_t ntiles = (n + TILE - 1) / TILE;
    for (std::size_t by = blockIdx.y; by < ntiles; by += gridDim.y) {
        for (std::size_t bx = blockIdx.x; bx < ntiles; bx += gridDim.x) {
            const std::size_t i0 = by * TILE, j0 = bx * TILE;
            double acc[TILE / ROWS];
            for (int q = 0; q < TILE / ROWS; ++q) acc[q] = 0.0;
            for (std::size_t p0 = 0; p0 < m; p0 += TILE) {
                for (unsigned r = ty; r < TILE; r += ROWS) {
                    const std::size_t p = p0 + r;
                    Ai[r][tx] = (p < m && i0 + tx < n) ? A[p * n + i0 + tx] : 0.0;
                    Aj[r][tx] = (p < m && j0 + tx < n) ? A[p * n + j0 + tx] : 0.0;
                }
                __syncthreads();
#pragma unroll 8
                for (int pp = 0; pp < TILE; ++pp) {
                    const double b = Aj[pp][tx];
                    for (int q = 0; q < TILE / ROWS; ++q) acc[q] += Ai[pp][ty + ROWS * q] * b;
                }
                __syncthreads();
            }
            const std::size_t j = j0 + tx;
            for (int q = 0; q < TILE / ROWS; ++q) {
                const std::size_t i = i0 + ty + ROWS * q;
                if (i < n && j < n) C[i * n + j] = acc[q];
            }
        }
    }
}

}  // namespace

void syrk(const std::vector<double> &A, std::vector<double> &C, size_t m, size_t n) {
    if (n == 0) return;
    const std::size_t asize = m * n, asize_alloc = asize ? asize : 1, csize = n * n;
    double *dA = nullptr, *dC = nullptr;
    check(cudaMallocAsync(&dA, asize_alloc * sizeof(double), 0), "cudaMallocAsync A");
    check(cudaMallocAsync(&dC, csize * sizeof(double), 0), "cudaMallocAsync C");
    if (asize) check(cudaMemcpyAsync(dA, A.data(), asize * sizeof(double), cudaMemcpyHostToDevice, 0), "copy A");
    const std::size_t ntiles = (n + TILE - 1) / TILE;
    const dim3 grid(static_cast<unsigned>(std::min<std::size_t>(ntiles, 65535u)),
                    static_cast<unsigned>(std::min<std::size_t>(ntiles, 65535u)));
    syrk_kernel<<<grid, dim3(TILE, ROWS)>>>(dA, dC, m, n);
    check(cudaGetLastError(), "syrk_kernel launch");
    check(cudaMemcpyAsync(C.data(), dC, csize * sizeof(double), cudaMemcpyDeviceToHost, 0), "copy C to the host");
    check(cudaFreeAsync(dA, 0), "cudaFreeAsync A");
    check(cudaFreeAsync(dC, 0), "cudaFreeAsync C");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
