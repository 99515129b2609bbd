// CUDA reference of jacobi3d: both grids stay on the device, one 3-D stencil kernel per sweep (warps along k), ping-pong buffers.
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

constexpr int BX = 32, BY = 4, BZ = 2;

// One sweep: every interior cell (1 <= i, j, k <= n - 2) of nxt from its six face neighbours in cur. x runs
// along k (coalesced), y along j, z along i; grid-stride loops in all three dimensions.
__global__ void sweep_kernel(const double *__restrict__ cur, double *__restrict__ nxt, std::size_t n) {
    const std::size_t m = n - 2;  // interior extent, >= 1
    const std::size_t nn = n * n;
    const double sixth = 1.0 / 6.0;
    const std::size_t sx = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    const std::size_t sy = static_cast<std::size_t>(gridDim.y) * blockDim.y;
    const std::size_t sz = static_cast<std::size_t>(gridDim.z) * blockDim.z;
    for (std::size_t ii = static_cast<std::size_t>(blockIdx.z) * blockDim.z + threadIdx.z; ii < m; ii += sz) {
        for (std::size_t jj = static_cast<std::size_t>(blockIdx.y) * blockDim.y + threadIdx.y; jj < m; jj += sy) {
            const std::size_t row = (ii + 1) * nn + (jj + 1) * n;
            for (std::size_t kk = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; kk < m; kk += sx) {
                const std::size_t c = row + kk + 1;
                nxt[c] = (cur[c - nn] + cur[c + nn] + cur[c - n] + cur[c + n] + cur[c - 1] + cur[c + 1]) * sixth;
            }
        }
    }
}

}  // namespace

void jacobi3d(std::vector<double> &grid, size_t n, int iterations) {
    if (n < 3 || iterations <= 0) return;
    const std::size_t bytes = n * n * n * sizeof(double);
    double *a = nullptr, *b = nullptr;
    check(cudaMallocAsync(&a, bytes, 0), "cudaMallocAsync grid a");
    check(cudaMallocAsync(&b, bytes, 0), "cudaMallocAsync grid b");
    check(cudaMemcpyAsync(a, grid.data(), bytes, cudaMemcpyHostToDevice, 0), "copy grid to the device");
    // both buffers carry the fixed boundary
    check(cudaMemcpyAsync(b, a, bytes, cudaMemcpyDeviceToDevice, 0), "copy grid to the second buffer");
    const std::size_t m = n - 2;
    const dim3 block(BX, BY, BZ);
    const dim3 blocks(static_cast<unsigned>(std::min<std::size_t>((m + BX - 1) / BX, 65535u)),
                      static_cast<unsigned>(std::min<std::size_t>((m + BY - 1) / BY, 65535u)),
                      static_cast<unsigned>(std::min<std::size_t>((m + BZ - 1) / BZ, 65535u)));
    double *cur = a, *nxt = b;
    for (int it = 0; it < iterations; ++it) {
        sweep_kernel<<<blocks, block>>>(cur, nxt, n);
        check(cudaGetLastError(), "sweep_kernel launch");
        std::swap(cur, nxt);
    }
    check(cudaMemcpyAsync(grid.data(), cur, bytes, cudaMemcpyDeviceToHost, 0), "copy grid to the host");
    check(cudaFreeAsync(a, 0), "cudaFreeAsync grid a");
    check(cudaFreeAsync(b, 0), "cudaFreeAsync grid b");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
