// CUDA reference of min_max: grid-stride compare-selects per thread, warp-shuffle and shared-memory block reductions to per-block partials, one block folds the partials.
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

// The block's minimum and maximum of its threads' (mn, mx) into out_min / out_max [blockIdx.x]. Every thread of
// the block must reach it.
__device__ void block_min_max(double mn, double mx, double *out_min, double *out_max) {
    __shared__ double smin[WARPS], smax[WARPS];
    for (int off = 16; off > 0; off >>= 1) {
        const double a = __shfl_down_sync(0xffffffffu, mn, off), b = __shfl_down_sync(0xffffffffu, mx, off);
        mn = a < mn ? a : mn;
        mx = b > mx ? b : mx;
    }
    if ((threadIdx.x & 31u) == 0) {
        smin[threadIdx.x / 32] = mn;
        smax[threadIdx.x / 32] = mx;
    }
    __syncthreads();
    if (threadIdx.x == 0) {
        for (int w = 1; w < WARPS; ++w) {
            mn = smin[w] < mn ? smin[w] : mn;
            mx = smax[w] > mx ? smax[w] : mx;
        }
        out_min[blockIdx.x] = mn;
        out_max[blockIdx.x] = mx;
    }
}

// Per-block minimum and maximum of x[0, n) (n >= 1); every thread starts from x[0] (an element, so no sentinel
// can leak into the result), two independent compare-selects per element.
__global__ void partial_kernel(const double *__restrict__ x, std::size_t n, double *__restrict__ pmin,
                               double *__restrict__ pmax) {
    double mn = x[0], mx = mn;
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        const double v = x[i];
        mn = v < mn ? v : mn;
        mx = v > mx ? v : mx;
    }
    block_min_max(mn, mx, pmin, pmax);
}

// One block folds the nparts >= 1 partials into out[0] (minimum) and out[1] (maximum).
__global__ void final_kernel(const double *__restrict__ pmin, const double *__restrict__ pmax, std::size_t nparts,
                             double *__restrict__ out) {
    double mn = pmin[0], mx = pmax[0];
    for (std::size_t p = threadIdx.x; p < nparts; p += blockDim.x) {
        mn = pmin[p] < mn ? pmin[p] : mn;
        mx = pmax[p] > mx ? pmax[p] : mx;
    }
    block_min_max(mn, mx, out, out + 1);
}

}  // namespace

void min_max(const std::vector<double> &x, double &min_value, double &max_value) {
    const std::size_t n = x.size();
    if (n == 0) return;
    int device = 0, sms = 0;
    check(cudaGetDevice(&device), "cudaGetDevice");
    check(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, device), "cudaDeviceGetAttribute");
    const std::size_t blocks = std::max<std::size_t>(
        1, std::min<std::size_t>((n + BLOCK - 1) / BLOCK, static_cast<std::size_t>(sms) * 8));
    double *d_x = nullptr, *d_part = nullptr, *d_out = nullptr;
    check(cudaMallocAsync(&d_x, n * sizeof(double), 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&d_part, 2 * blocks * sizeof(double), 0), "cudaMallocAsync partials");
    check(cudaMallocAsync(&d_out, 2 * sizeof(double), 0), "cudaMallocAsync result");
    check(cudaMemcpyAsync(d_x, x.data(), n * sizeof(double), cudaMemcpyHostToDevice, 0), "copy x to the device");
    partial_kernel<<<static_cast<unsigned>(blocks), BLOCK>>>(d_x, n, d_part, d_part + blocks);
    check(cudaGetLastError(), "partial_kernel launch");
    final_kernel<<<1, BLOCK>>>(d_part, d_part + blocks, blocks, d_out);
    check(cudaGetLastError(), "final_kernel launch");
    double out[2] = {0.0, 0.0};
    check(cudaMemcpyAsync(out, d_out, 2 * sizeof(double), cudaMemcpyDeviceToHost, 0), "copy result to the host");
    check(cudaFreeAsync(d_x, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(d_part, 0), "cudaFreeAsync partials");
    check(cudaFreeAsync(d_out, 0), "cudaFreeAsync result");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
    min_value = out[0];
    max_value = out[1];
}
