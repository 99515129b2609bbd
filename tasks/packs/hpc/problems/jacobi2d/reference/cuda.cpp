// CUDA reference of jacobi2d: both grids stay on the device, one 2-D tiled stencil kernel per sweep, ping-pong buffers.
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

constexpr int BX = 32, BY = 8;

// One sweep: every interior cell (1 <= i, j <= n - 2) of nxt from the four neighbours in cur. Threads of a warp
// take consecutive columns j (coalesced rows); grid-stride loops in both dimensions.
__global__ void sweep_kernel(const double *__restrict__ cur, double *__restrict__ nxt, std::size_t n) {
    const std::size_t m = n - 2;  // interior extent, >= 1
    const std::size_t sx = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    const std::size_t sy = static_cast<std::size_t>(gridDim.y) * blockDim.y;
    for (std::size_t ii = static_cast<std::size_t>(blockIdx.y) * blockDim.y + threadIdx.y; ii < m; ii += sy) {
        const std::size_t i = ii + 1;
        const double *up = cur + (i - 1) * n, *mid = cur + i * n, *down = cur + (i + 1) * n;
        double *out = nxt + i * n;
        for (std::size_t jj = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; jj < m; jj += sx) {
            const std::size_t j = jj + 1;
            out[j] = 0.25 * (up[j] + down[j] + mid[j - 1] + mid[j + 1]);
        }
    }
}

}  // namespace

void jacobi2d(std::vector<double> &grid, size_t n, int iterations) {
    if (n < 3 || iterations <= 0) return;
    const std::size_t cells = n * n;
    const std::size_t bytes = cells * sizeof(double);
    double *a = nullptr, *b = nullptr;
    check(cudaMallocAsync(&a, bytes, 0), "cudaMallocAsync grid a");
    check(cudaMallocAsync(&b, bytes, 0), "cudaMallocAsync grid b");
    check(cudaMemcpyAsync(a, grid.data(), bytes, cudaMemcpyHostToDevice, 0), "copy grid to the device");
    // both buffers carry the fixed boundary
    check(cudaMemcpyAsync(b, a, bytes, cudaMemcpyDeviceToDevice, 0), "copy grid to the second buffer");
    const std::size_t m = n - 2;
    const dim3 block(BX, BY);
    const dim3 blocks(static_cast<unsigned>(std::min<std::size_t>((m + BX - 1) / BX, 65535u * 8u)),
                      static_cast<unsigned>(std::min<std::size_t>((m + BY - 1) / BY, 65535u)));
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
