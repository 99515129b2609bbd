// CUDA reference of point_in_polygon: one thread per point, crossing-number test against all edges, the polygon staged in shared memory tiles.
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

constexpr int BLOCK = 128;
constexpr std::size_t TILE = 1024;  // vertices per shared-memory tile (16 KiB)

// Each block walks the polygon in tiles of vertices (every thread of the block takes part in each load and
// barrier, including threads past np, so __syncthreads is reached uniformly); point p tests edge (i, i - 1) for
// every vertex i of the tile, the previous vertex coming from the tile or, for the first one, from global memory.
__global__ void pip_kernel(const double *__restrict__ poly, std::size_t nv, const double *__restrict__ pts,
                           std::size_t np, int *__restrict__ inside) {
    __shared__ double sx[TILE], sy[TILE];
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    // all threads of a block run the same number of outer iterations
    for (std::size_t base = static_cast<std::size_t>(blockIdx.x) * blockDim.x; base < np; base += stride) {
        const std::size_t p = base + threadIdx.x;
        const bool active = p < np;
        const double px = active ? pts[2 * p] : 0.0, py = active ? pts[2 * p + 1] : 0.0;
        bool in = false;
        for (std::size_t t0 = 0; t0 < nv; t0 += TILE) {
            const std::size_t len = nv - t0 < TILE ? nv - t0 : TILE;
            __syncthreads();  // the previous tile is no longer read
            for (std::size_t k = threadIdx.x; k < len; k += blockDim.x) {
                sx[k] = poly[2 * (t0 + k)];
                sy[k] = poly[2 * (t0 + k) + 1];
            }
            __syncthreads();
            const std::size_t jprev = t0 == 0 ? nv - 1 : t0 - 1;
            double xj = poly[2 * jprev], yj = poly[2 * jprev + 1];
            for (std::size_t k = 0; k < len; ++k) {
                const double xi = sx[k], yi = sy[k];
                if ((yi > py) != (yj > py)) {
                    const double x_cross = xi + (py - yi) * (xj - xi) / (yj - yi);
                    if (px < x_cross) in = !in;
                }
                xj = xi;
                yj = yi;
            }
        }
        if (active) inside[p] = in ? 1 : 0;
    }
}

}  // namespace

void point_in_polygon(const std::vector<double> &poly, size_t nv, const std::vector<double> &pts, size_t np,
                      std::vector<int> &inside) {
    if (np == 0) return;
    int *d_inside = nullptr;
    check(cudaMallocAsync(&d_inside, np * sizeof(int), 0), "cudaMallocAsync inside");
    double *d_poly = nullptr, *d_pts = nullptr;
    if (nv == 0) {
        check(cudaMemsetAsync(d_inside, 0, np * sizeof(int), 0), "cudaMemsetAsync inside");
    } else {
        check(cudaMallocAsync(&d_poly, 2 * nv * sizeof(double), 0), "cudaMallocAsync poly");
        check(cudaMallocAsync(&d_pts, 2 * np * sizeof(double), 0), "cudaMallocAsync pts");
        check(cudaMemcpyAsync(d_poly, poly.data(), 2 * nv * sizeof(double), cudaMemcpyHostToDevice, 0),
              "copy poly to the device");
        check(cudaMemcpyAsync(d_pts, pts.data(), 2 * np * sizeof(double), cudaMemcpyHostToDevice, 0),
              "copy pts to the device");
        const unsigned blocks = static_cast<unsigned>(std::min<std::size_t>((np + BLOCK - 1) / BLOCK, 65535u * 8u));
        pip_kernel<<<blocks, BLOCK>>>(d_poly, nv, d_pts, np, d_inside);
        check(cudaGetLastError(), "pip_kernel launch");
    }
    check(cudaMemcpyAsync(inside.data(), d_inside, np * sizeof(int), cudaMemcpyDeviceToHost, 0),
          "copy inside to the host");
    if (d_poly) check(cudaFreeAsync(d_poly, 0), "cudaFreeAsync poly");
    if (d_pts) check(cudaFreeAsync(d_pts, 0), "cudaFreeAsync pts");
    check(cudaFreeAsync(d_inside, 0), "cudaFreeAsync inside");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
