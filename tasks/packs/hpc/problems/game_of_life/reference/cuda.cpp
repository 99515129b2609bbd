// CUDA reference of game_of_life: byte grids on the device, one kernel per generation over 32 x 8 tiles staged with their halo in shared memory.
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

constexpr int kBX = 32, kBY = 8;  // tile of cells per block, one cell per thread
constexpr int kBlock = 256;

__global__ void to_bytes_kernel(const int *__restrict__ cells, std::uint8_t *__restrict__ g, std::size_t total) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < total; i += stride)
        g[i] = cells[i] != 0 ? 1 : 0;
}

__global__ void to_ints_kernel(const std::uint8_t *__restrict__ g, int *__restrict__ cells, std::size_t total) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < total; i += stride)
        cells[i] = g[i];
}

// One generation from `in` to `out` (m x n, row-major, dead outside). Blocks are kBX x kBY threads and
// stride over the tiles in both directions (so any grid size works).
__global__ void life_kernel(const std::uint8_t *__restrict__ in, std::uint8_t *__restrict__ out, std::size_t m,
                            std::size_t n) {
    __shared__ std::uint8_t t[kBY + 2][kBX + 2];
    const std::size_t tiles_x = (n + kBX - 1) / kBX, tiles_y = (m + kBY - 1) / kBY;
    const int tid = threadIdx.y * kBX + threadIdx.x;
    const long long lm = static_cast<long long>(m), ln = static_cast<long long>(n);
    for (std::size_t by = blockIdx.y; by < tiles_y; by += gridDim.y) {
        for (std::size_t bx = blockIdx.x; bx < tiles_x; bx += gridDim.x) {
            const long long i0 = static_cast<long long>(by * kBY) - 1, j0 = static_cast<long long>(bx * kBX) - 1;
            for (int k = tid; k < (kBY + 2) * (kBX + 2); k += kBX * kBY) {
                const int r = k / (kBX + 2), c = k % (kBX + 2);
                const long long gi = i0 + r, gj = j0 + c;
                t[r][c] = (gi >= 0 && gi < lm && gj >= 0 && gj < ln) ? in[gi * ln + gj] : 0;
            }
            __syncthreads();
            const std::size_t i = by * kBY + threadIdx.y, j = bx * kBX + threadIdx.x;
            if (i < m && j < n) {
                const int r = threadIdx.y + 1, c = threadIdx.x + 1;
                const int alive = t[r - 1][c - 1] + t[r - 1][c] + t[r - 1][c + 1] + t[r][c - 1] + t[r][c + 1] +
                                  t[r + 1][c - 1] + t[r + 1][c] + t[r + 1][c + 1];
                out[i * n + j] = (alive == 3 || (t[r][c] != 0 && alive == 2)) ? 1 : 0;
            }
            __syncthreads();  // t is refilled for the next tile
        }
    }
}

}  // namespace

void game_of_life(std::vector<int> &cells, size_t m, size_t n, int generations) {
    const std::size_t total = m * n;
    if (total == 0 || generations <= 0) return;
    int *dcells = nullptr;
    std::uint8_t *da = nullptr, *db = nullptr;
    check(cudaMallocAsync(&dcells, total * sizeof(int), 0), "cudaMallocAsync cells");
    check(cudaMallocAsync(&da, total, 0), "cudaMallocAsync grid a");
    check(cudaMallocAsync(&db, total, 0), "cudaMallocAsync grid b");
    check(cudaMemcpyAsync(dcells, cells.data(), total * sizeof(int), cudaMemcpyHostToDevice, 0), "copy cells to the device");
    const unsigned flat = static_cast<unsigned>(std::min<std::size_t>((total + kBlock - 1) / kBlock, 65535u * 8u));
    to_bytes_kernel<<<flat, kBlock>>>(dcells, da, total);
    check(cudaGetLastError(), "to_bytes_kernel launch");
    const std::size_t tiles_x = (n + kBX - 1) / kBX, tiles_y = (m + kBY - 1) / kBY;
    const dim3 grid(static_cast<unsigned>(std::min<std::size_t>(tiles_x, 65535u * 8u)),
                    static_cast<unsigned>(std::min<std::size_t>(tiles_y, 65535u)));
    const dim3 block(kBX, kBY);
    for (int g = 0; g < generations; ++g) {
        life_kernel<<<grid, block>>>(da, db, m, n);
        check(cudaGetLastError(), "life_kernel launch");
        std::swap(da, db);
    }
    to_ints_kernel<<<flat, kBlock>>>(da, dcells, total);
    check(cudaGetLastError(), "to_ints_kernel launch");
    check(cudaMemcpyAsync(cells.data(), dcells, total * sizeof(int), cudaMemcpyDeviceToHost, 0), "copy cells to the host");
    check(cudaFreeAsync(dcells, 0), "cudaFreeAsync cells");
    check(cudaFreeAsync(da, 0), "cudaFreeAsync grid a");
    check(cudaFreeAsync(db, 0), "cudaFreeAsync grid b");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
