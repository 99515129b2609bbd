// CUDA reference of lower_bound_batch: one thread per query, a branchless binary search over the sorted array (L2-resident).
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

// result[i] = number of elements of a[0, n) strictly less than q[i] (std::lower_bound), n >= 1. Every search takes
// the same steps (halving len), so the warp stays converged; the only data-dependent choice is a select.
__global__ void lower_bound_kernel(const double *__restrict__ a, std::size_t n, const double *__restrict__ q,
                                   int64_t *__restrict__ result, std::size_t m) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < m; i += stride) {
        const double v = q[i];
        std::size_t base = 0, len = n;
        while (len > 1) {
            const std::size_t half = len / 2;
            base = __ldg(a + base + half - 1) < v ? base + half : base;
            len -= half;
        }
        result[i] = static_cast<int64_t>(base + (__ldg(a + base) < v ? 1 : 0));
    }
}

__global__ void fill_zero_kernel(int64_t *__restrict__ result, std::size_t m) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < m; i += stride)
        result[i] = 0;
}

}  // namespace

void lower_bound_batch(const std::vector<double> &sorted, const std::vector<double> &queries,
                       std::vector<int64_t> &result) {
    const std::size_t n = sorted.size(), m = queries.size();
    if (m == 0) return;
    const int block = 256;
    const unsigned blocks = static_cast<unsigned>(std::min<std::size_t>((m + block - 1) / block, 65535u * 8u));
    int64_t *d_result = nullptr;
    check(cudaMallocAsync(&d_result, m * sizeof(int64_t), 0), "cudaMallocAsync result");
    double *d_sorted = nullptr, *d_queries = nullptr;
    if (n == 0) {  // every query is above all (zero) elements: lower bound 0
        fill_zero_kernel<<<blocks, block>>>(d_result, m);
        check(cudaGetLastError(), "fill_zero_kernel launch");
    } else {
        check(cudaMallocAsync(&d_sorted, n * sizeof(double), 0), "cudaMallocAsync sorted");
        check(cudaMallocAsync(&d_queries, m * sizeof(double), 0), "cudaMallocAsync queries");
        check(cudaMemcpyAsync(d_sorted, sorted.data(), n * sizeof(double), cudaMemcpyHostToDevice, 0),
              "copy sorted to the device");
        check(cudaMemcpyAsync(d_queries, queries.data(), m * sizeof(double), cudaMemcpyHostToDevice, 0),
              "copy queries to the device");
        lower_bound_kernel<<<blocks, block>>>(d_sorted, n, d_queries, d_result, m);
        check(cudaGetLastError(), "lower_bound_kernel launch");
    }
    check(cudaMemcpyAsync(result.data(), d_result, m * sizeof(int64_t), cudaMemcpyDeviceToHost, 0),
          "copy result to the host");
    if (d_sorted) check(cudaFreeAsync(d_sorted, 0), "cudaFreeAsync sorted");
    if (d_queries) check(cudaFreeAsync(d_queries, 0), "cudaFreeAsync queries");
    check(cudaFreeAsync(d_result, 0), "cudaFreeAsync result");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
