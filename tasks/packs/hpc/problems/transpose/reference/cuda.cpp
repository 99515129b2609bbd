// CUDA reference of transpose: 32 x 32 tiles through padded shared memory (coalesced reads of A and writes of B),
// 32 x 8 threads per block, grid-stride over the tiles.
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
constexpr int ROWS = 8;

// Tile (ty_, tx_) covers A's rows i0 .. i0 + 31 and columns j0 .. j0 + 31; B[j * m + i] = A[i * n + j].
__global__ void transpose_kernel(const double *__restrict__ A, double *__restrict__ B, std::size_t m, std::size_t n) {
    __shared__ double tile[TILE][TILE + 1];
    const std::size_t tiles_i = (m + TILE - 1) / TILE, tiles_j = (n + TILE - 1) / TILE;
    for (std::size_t bi = blockIdx.y; bi < tiles_i; bi += gridDim.y) {
        for (std::size_t bj = blockIdx.x; bj < tiles_j; bj += gridDim.x) {
            const std::size_t i0 = bi * TILE, j0 = bj * TILE;
            for (unsigned r = threadIdx.y; r < TILE; r += ROWS) {
                const std::size_t i = i0 + r, j = j0 + threadIdx.x;
                if (i < m && j < n) tile[r][threadIdx.x] = A[i * n + j];
            }
            __syncthreads();
            for (unsigned r = threadIdx.y; r < TILE; r += ROWS) {
                const std::size_t j = j0 + r, i = i0 + threadIdx.x;
                if (i < m && j < n) B[j * m + i] = tile[threadIdx.x][r];
            }
            __syncthreads();  // the tile is reused by the next iteration
        }
    }
}

}  // namespace

void transpose(const std::vector<double> &A, std::vector<double> &B, size_t m, size_t n) {
    const std::size_t size = m * n;
    if (size == 0) return;
    double *dA = nullptr, *dB = nullptr;
    check(cudaMallocAsync(&dA, size * sizeof(double), 0), "cudaMallocAsync A");
    check(cudaMallocAsync(&dB, size * sizeof(double), 0), "cudaMallocAsync B");
    check(cudaMemcpyAsync(dA, A.data(), size * sizeof(double), cudaMemcpyHostToDevice, 0), "copy A to the device");
    const std::size_t tiles_i = (m + TILE - 1) / TILE, tiles_j = (n + TILE - 1) / TILE;
    const dim3 grid(static_cast<unsigned>(std::min<std::size_t>(tiles_j, 65535u * 8u)),
                    static_cast<unsigned>(std::min<std::size_t>(tiles_i, 65535u)));
    transpose_kernel<<<grid, dim3(TILE, ROWS)>>>(dA, dB, m, n);
    check(cudaGetLastError(), "transpose_kernel launch");
    check(cudaMemcpyAsync(B.data(), dB, size * sizeof(double), cudaMemcpyDeviceToHost, 0), "copy B to the host");
    check(cudaFreeAsync(dA, 0), "cudaFreeAsync A");
    check(cudaFreeAsync(dB, 0), "cudaFreeAsync B");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
