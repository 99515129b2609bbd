// CUDA reference of polygon_area: one warp per polygon, lanes stride over its edges (coalesced), a shuffle reduction per polygon.
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

constexpr int BLOCK = 256, WARPS = BLOCK / 32;

// Warp w handles polygons w, w + total_warps, ...; lane l sums the shoelace terms of edges k = b + l, b + l + 32,
// ... (edge k joins vertex k to k + 1, the last one back to b). The loop bounds depend only on the polygon, so all
// 32 lanes reach every shuffle together.
__global__ void area_kernel(const std::size_t *__restrict__ offsets, const double *__restrict__ x,
                            const double *__restrict__ y, double *__restrict__ areas, std::size_t m) {
    const unsigned lane = threadIdx.x & 31u;
    const std::size_t warp = static_cast<std::size_t>(blockIdx.x) * WARPS + threadIdx.x / 32;
    const std::size_t warps = static_cast<std::size_t>(gridDim.x) * WARPS;
    for (std::size_t p = warp; p < m; p += warps) {
        const std::size_t b = offsets[p], e = offsets[p + 1];
        double sum = 0.0;
        if (e - b >= 3) {
            for (std::size_t k = b + lane; k < e; k += 32) {
                const std::size_t j = k + 1 < e ? k + 1 : b;
                sum += x[k] * y[j] - x[j] * y[k];
            }
        }
        for (int off = 16; off > 0; off >>= 1) sum += __shfl_down_sync(0xffffffffu, sum, off);
        if (lane == 0) areas[p] = 0.5 * fabs(sum);
    }
}

}  // namespace

void polygon_area(const std::vector<size_t> &offsets, const std::vector<double> &x, const std::vector<double> &y,
                  std::vector<double> &areas) {
    if (offsets.size() < 2) return;
    const std::size_t m = offsets.size() - 1, nv = x.size();
    std::size_t *d_offsets = nullptr;
    double *d_x = nullptr, *d_y = nullptr, *d_areas = nullptr;
    check(cudaMallocAsync(&d_offsets, (m + 1) * sizeof(std::size_t), 0), "cudaMallocAsync offsets");
    check(cudaMallocAsync(&d_areas, m * sizeof(double), 0), "cudaMallocAsync areas");
    check(cudaMemcpyAsync(d_offsets, offsets.data(), (m + 1) * sizeof(std::size_t), cudaMemcpyHostToDevice, 0),
          "copy offsets to the device");
    if (nv > 0) {
        check(cudaMallocAsync(&d_x, nv * sizeof(double), 0), "cudaMallocAsync x");
        check(cudaMallocAsync(&d_y, nv * sizeof(double), 0), "cudaMallocAsync y");
        check(cudaMemcpyAsync(d_x, x.data(), nv * sizeof(double), cudaMemcpyHostToDevice, 0), "copy x to the device");
        check(cudaMemcpyAsync(d_y, y.data(), nv * sizeof(double), cudaMemcpyHostToDevice, 0), "copy y to the device");
    }
    const unsigned blocks = static_cast<unsigned>(std::min<std::size_t>((m + WARPS - 1) / WARPS, 65535u * 8u));
    area_kernel<<<blocks, BLOCK>>>(d_offsets, d_x, d_y, d_areas, m);
    check(cudaGetLastError(), "area_kernel launch");
    check(cudaMemcpyAsync(areas.data(), d_areas, m * sizeof(double), cudaMemcpyDeviceToHost, 0),
          "copy areas to the host");
    check(cudaFreeAsync(d_offsets, 0), "cudaFreeAsync offsets");
    check(cudaFreeAsync(d_areas, 0), "cudaFreeAsync areas");
    if (d_x) check(cudaFreeAsync(d_x, 0), "cudaFreeAsync x");
    if (d_y) check(cudaFreeAsync(d_y, 0), "cudaFreeAsync y");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
