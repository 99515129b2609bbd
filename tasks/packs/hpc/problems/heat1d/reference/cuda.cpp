// CUDA reference of heat1d: temporal blocking, each block advances a 960-point tile (with a 32-point halo per side) by up to 32 steps in shared memory per launch.
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

constexpr int kBlock = 256;
constexpr int kHalo = 32;                // steps per launch, at most
constexpr int kTile = 960;               // points written per block (about 200 blocks at the time size)
constexpr int kSpan = kTile + 2 * kHalo; // points held in shared memory per block: 4 per thread

// Advances u_in by `steps` (1 <= steps <= kHalo) steps into u_out. Block b owns the points
// [b * kTile, b * kTile + kTile) and loads kHalo more on each side: after s steps in shared memory
// the values at distance >= s from the loaded span's ends are exact, so the owned points are exact.
// The rod's end points (global 0 and n - 1) and positions outside the rod are never updated.
__global__ void heat_kernel(const double *__restrict__ u_in, double *__restrict__ u_out, std::size_t n, double r,
                            int steps) {
    __shared__ double buf[2][kSpan];
    const std::size_t tiles = (n + kTile - 1) / kTile;
    for (std::size_t t = blockIdx.x; t < tiles; t += gridDim.x) {
        const long long first = static_cast<long long>(t * kTile) - kHalo;  // global index of buf[.][0]
        for (int j = threadIdx.x; j < kSpan; j += blockDim.x) {
            const long long g = first + j;
            buf[0][j] = (g >= 0 && g < static_cast<long long>(n)) ? u_in[g] : 0.0;
        }
        __syncthreads();
        int cur = 0;
        for (int s = 0; s < steps; ++s) {
            const double *a = buf[cur];
            double *b = buf[cur ^ 1];
            for (int j = threadIdx.x; j < kSpan; j += blockDim.x) {
                const long long g = first + j;
                if (j >= 1 && j <= kSpan - 2 && g >= 1 && g <= static_cast<long long>(n) - 2)
                    b[j] = a[j] + r * (a[j - 1] - 2.0 * a[j] + a[j + 1]);
                else
                    b[j] = a[j];
            }
            __syncthreads();
            cur ^= 1;
        }
        for (int j = kHalo + threadIdx.x; j < kHalo + kTile; j += blockDim.x) {
            const long long g = first + j;
            if (g < static_cast<long long>(n)) u_out[g] = buf[cur][j];
        }
        __syncthreads();  // buf is reloaded for the next tile
    }
}

}  // namespace

void heat1d(std::vector<double> &u, size_t n, double r, int steps) {
    if (n <= 2 || steps <= 0) return;  // no interior points, or nothing to do
    const std::size_t bytes = n * sizeof(double);
    double *da = nullptr, *db = nullptr;
    check(cudaMallocAsync(&da, bytes, 0), "cudaMallocAsync u");
    check(cudaMallocAsync(&db, bytes, 0), "cudaMallocAsync next");
    check(cudaMemcpyAsync(da, u.data(), bytes, cudaMemcpyHostToDevice, 0), "copy u to the device");
    const std::size_t tiles = (n + kTile - 1) / kTile;
    const unsigned grid = static_cast<unsigned>(std::min<std::size_t>(tiles, 65535u * 8u));
    for (int done = 0; done < steps;) {
        const int now = std::min(kHalo, steps - done);
        heat_kernel<<<grid, kBlock>>>(da, db, n, r, now);
        check(cudaGetLastError(), "heat_kernel launch");
        std::swap(da, db);
        done += now;
    }
    check(cudaMemcpyAsync(u.data(), da, bytes, cudaMemcpyDeviceToHost, 0), "copy u to the host");
    check(cudaFreeAsync(da, 0), "cudaFreeAsync u");
    check(cudaFreeAsync(db, 0), "cudaFreeAsync next");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
