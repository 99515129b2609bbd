// CUDA reference of poly_eval: one grid-stride thread per element, Horner's rule with the coefficients staged in shared memory.
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

constexpr std::size_t MAX_SHARED_COEFFS = 4096;  // 32 KiB of shared memory

// y[i] = p(x[i]) by Horner's rule; the ncoef >= 1 coefficients come from shared memory when they fit
// (use_shared), else straight from global memory (every thread reads the same address: a broadcast).
__global__ void horner_kernel(const double *__restrict__ coeffs, std::size_t ncoef, bool use_shared,
                              const double *__restrict__ x, double *__restrict__ y, std::size_t n) {
    extern __shared__ double sc[];
    const double *c = coeffs;
    if (use_shared) {
        for (std::size_t k = threadIdx.x; k < ncoef; k += blockDim.x) sc[k] = coeffs[k];
        __syncthreads();  // reached by every thread of the block (before any per-thread exit)
        c = sc;
    }
    const std::size_t d = ncoef - 1;
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        const double t = x[i];
        double acc = c[d];
        for (std::size_t k = d; k-- > 0;) acc = acc * t + c[k];
        y[i] = acc;
    }
}

}  // namespace

void poly_eval(const std::vector<double> &coeffs, const std::vector<double> &x, std::vector<double> &y) {
    const std::size_t n = x.size(), ncoef = coeffs.size();
    if (n == 0 || ncoef == 0) return;
    const std::size_t bytes = n * sizeof(double);
    double *d_coeffs = nullptr, *d_x = nullptr, *d_y = nullptr;
    check(cudaMallocAsync(&d_coeffs, ncoef * sizeof(double), 0), "cudaMallocAsync coeffs");
    check(cudaMallocAsync(&d_x, bytes, 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&d_y, bytes, 0), "cudaMallocAsync y");
    check(cudaMemcpyAsync(d_coeffs, coeffs.data(), ncoef * sizeof(double), cudaMemcpyHostToDevice, 0),
          "copy coeffs to the device");
    check(cudaMemcpyAsync(d_x, x.data(), bytes, cudaMemcpyHostToDevice, 0), "copy x to the device");
    const bool use_shared = ncoef <= MAX_SHARED_COEFFS;
    const std::size_t shmem = use_shared ? ncoef * sizeof(double) : 0;
    const int block = 256;
    const unsigned blocks = static_cast<unsigned>(std::min<std::size_t>((n + block - 1) / block, 65535u * 8u));
    horner_kernel<<<blocks, block, shmem>>>(d_coeffs, ncoef, use_shared, d_x, d_y, n);
    check(cudaGetLastError(), "horner_kernel launch");
    check(cudaMemcpyAsync(y.data(), d_y, bytes, cudaMemcpyDeviceToHost, 0), "copy y to the host");
    check(cudaFreeAsync(d_coeffs, 0), "cudaFreeAsync coeffs");
    check(cudaFreeAsync(d_x, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(d_y, 0), "cudaFreeAsync y");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
