// CUDA reference of mandelbrot: one thread per pixel in 2-D tiles, the specified iteration with explicitly rounded double ops (no FMA).
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

constexpr int BX = 32, BY = 4;

// Pixel (r, c) for c along x, r along y (small square-ish tiles keep the cost of a warp's pixels similar);
// grid-stride loops in both dimensions. Every operation is an explicitly rounded double op, in the order of the
// spec, so nvcc cannot contract a multiply and an add into an FMA.
__global__ void mandel_kernel(double x_min, double dx, double y_min, double dy, std::size_t width, std::size_t height,
                              int max_iter, int *__restrict__ counts) {
    const std::size_t sx = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    const std::size_t sy = static_cast<std::size_t>(gridDim.y) * blockDim.y;
    for (std::size_t r = static_cast<std::size_t>(blockIdx.y) * blockDim.y + threadIdx.y; r < height; r += sy) {
        const double ci = __dadd_rn(y_min, __dmul_rn(static_cast<double>(r), dy));
        for (std::size_t c = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; c < width; c += sx) {
            const double cr = __dadd_rn(x_min, __dmul_rn(static_cast<double>(c), dx));
            double zr = 0.0, zi = 0.0;
            int count = 0;
            while (count < max_iter) {
                const double zr2 = __dmul_rn(zr, zr), zi2 = __dmul_rn(zi, zi);
                if (__dadd_rn(zr2, zi2) > 4.0) break;
                zi = __dadd_rn(__dmul_rn(__dmul_rn(2.0, zr), zi), ci);
                zr = __dadd_rn(__dsub_rn(zr2, zi2), cr);
                ++count;
            }
            counts[r * width + c] = count;
        }
    }
}

}  // namespace

void mandelbrot(double x_min, double x_max, double y_min, double y_max, size_t width, size_t height, int max_iter,
                std::vector<int> &counts) {
    if (width == 0 || height == 0) return;
    const double dx = (x_max - x_min) / static_cast<double>(width);
    const double dy = (y_max - y_min) / static_cast<double>(height);
    const std::size_t pixels = width * height;
    const std::size_t bytes = pixels * sizeof(int);
    int *d_counts = nullptr;
    check(cudaMallocAsync(&d_counts, bytes, 0), "cudaMallocAsync counts");
    const dim3 block(BX, BY);
    const dim3 blocks(static_cast<unsigned>(std::min<std::size_t>((width + BX - 1) / BX, 65535u * 8u)),
                      static_cast<unsigned>(std::min<std::size_t>((height + BY - 1) / BY, 65535u)));
    mandel_kernel<<<blocks, block>>>(x_min, dx, y_min, dy, width, height, max_iter, d_counts);
    check(cudaGetLastError(), "mandel_kernel launch");
    check(cudaMemcpyAsync(counts.data(), d_counts, bytes, cudaMemcpyDeviceToHost, 0), "copy counts to the host");
    check(cudaFreeAsync(d_counts, 0), "cudaFreeAsync counts");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
