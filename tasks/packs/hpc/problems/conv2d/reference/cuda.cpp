// CUDA reference of conv2d: 32 x 8 output tiles, the zero-padded input tile and the weights staged in shared memory (a direct global-memory kernel when a huge kernel does not fit).
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

constexpr int TX = 32, TY = 8;
constexpr std::size_t SHARED_LIMIT = 48 * 1024;

// One block per 32 x 8 output tile: loads the (TY + 2h) x (TX + 2h) input window, zeros outside the image,
// and the k x k weights into dynamic shared memory, then every thread sums its window.
__global__ void conv_tiled_kernel(const double *__restrict__ image, std::size_t m, std::size_t n,
                                  const double *__restrict__ kernel, int k, double *__restrict__ out) {
    extern __shared__ double smem[];
    const int h = k / 2;
    const int tw = TX + 2 * h, th = TY + 2 * h;
    double *w = smem;
    double *tile = smem + k * k;
    const int tid = threadIdx.y * TX + threadIdx.x;
    for (int q = tid; q < k * k; q += TX * TY) w[q] = kernel[q];
    const long row0 = static_cast<long>(blockIdx.y) * TY - h, col0 = static_cast<long>(blockIdx.x) * TX - h;
    for (int q = tid; q < tw * th; q += TX * TY) {
        const long r = row0 + q / tw, c = col0 + q % tw;
        tile[q] = (r >= 0 && r < static_cast<long>(m) && c >= 0 && c < static_cast<long>(n))
                      ? image[static_cast<std::size_t>(r) * n + static_cast<std::size_t>(c)]
                      : 0.0;
    }
    __syncthreads();
    const std::size_t i = static_cast<std::size_t>(blockIdx.y) * TY + threadIdx.y;
    const std::size_t j = static_cast<std::size_t>(blockIdx.x) * TX + threadIdx.x;
    if (i >= m || j >= n) return;
    double sum = 0.0;
    for (int a = 0; a < k; ++a) {
        const double *trow = tile + (threadIdx.y + a) * tw + threadIdx.x;
        const double *wrow = w + a * k;
        for (int b = 0; b < k; ++b) sum += wrow[b] * trow[b];
    }
    out[i * n + j] = sum;
}

// Fallback for kernels too large for the shared tile: every thread reads its window from global memory.
__global__ void conv_direct_kernel(const double *__restrict__ image, std::size_t m, std::size_t n,
                                   const double *__restrict__ kernel, long k, double *__restrict__ out) {
    const std::size_t i = static_cast<std::size_t>(blockIdx.y) * TY + threadIdx.y;
    const std::size_t j = static_cast<std::size_t>(blockIdx.x) * TX + threadIdx.x;
    if (i >= m || j >= n) return;
    const long h = k / 2;
    double sum = 0.0;
    for (long a = 0; a < k; ++a) {
        const long r = static_cast<long>(i) + a - h;
        if (r < 0 || r >= static_cast<long>(m)) continue;
        for (long b = 0; b < k; ++b) {
            const long c = static_cast<long>(j) + b - h;
            if (c >= 0 && c < static_cast<long>(n))
                sum += kernel[a * k + b] * image[static_cast<std::size_t>(r) * n + static_cast<std::size_t>(c)];
        }
    }
    out[i * n + j] = sum;
}

}  // namespace

void conv2d(const std::vector<double> &image, size_t m, size_t n, const std::vector<double> &kernel, size_t k,
            std::vector<double> &out) {
    const std::size_t pixels = m * n;
    if (pixels == 0) return;
    double *dimg = nullptr, *dker = nullptr, *dout = nullptr;
    check(cudaMallocAsync(&dimg, pixels * sizeof(double), 0), "cudaMallocAsync image");
    check(cudaMallocAsync(&dker, std::max<std::size_t>(k * k, 1) * sizeof(double), 0), "cudaMallocAsync kernel");
    check(cudaMallocAsync(&dout, pixels * sizeof(double), 0), "cudaMallocAsync out");
    check(cudaMemcpyAsync(dimg, image.data(), pixels * sizeof(double), cudaMemcpyHostToDevice, 0),
          "copy the image to the device");
    if (k > 0)
        check(cudaMemcpyAsync(dker, kernel.data(), k * k * sizeof(double), cudaMemcpyHostToDevice, 0),
              "copy the kernel to the device");
    const std::size_t gx = (n + TX - 1) / TX, gy = (m + TY - 1) / TY;
    if (gy > 65535) throw std::runtime_error("conv2d: too many rows for the grid");
    const dim3 grid(static_cast<unsigned>(gx), static_cast<unsigned>(gy)), block(TX, TY);
    const std::size_t h = k / 2;
    const std::size_t shared = (k * k + (TX + 2 * h) * (TY + 2 * h)) * sizeof(double);
    if (k < 1024 && shared <= SHARED_LIMIT) {
        conv_tiled_kernel<<<grid, block, shared>>>(dimg, m, n, dker, static_cast<int>(k), dout);
        check(cudaGetLastError(), "conv_tiled_kernel launch");
    } else {
        conv_direct_kernel<<<grid, block>>>(dimg, m, n, dker, static_cast<long>(k), dout);
        check(cudaGetLastError(), "conv_direct_kernel launch");
    }
    check(cudaMemcpyAsync(out.data(), dout, pixels * sizeof(double), cudaMemcpyDeviceToHost, 0),
          "copy out to the host");
    check(cudaFreeAsync(dimg, 0), "cudaFreeAsync image");
    check(cudaFreeAsync(dker, 0), "cudaFreeAsync kernel");
    check(cudaFreeAsync(dout, 0), "cudaFreeAsync out");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
