// CUDA reference of pagerank: the graph and both rank vectors stay on the device; per iteration a push kernel (atomic adds of each vertex's share, dangling sum by block reduction) and an update kernel.
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

constexpr int BLOCK = 256;

__global__ void init_kernel(double *__restrict__ rank, double *__restrict__ acc, std::size_t n, double value) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t v = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; v < n; v += stride) {
        rank[v] = value;
        acc[v] = 0.0;
    }
}

// Every vertex u pushes rank[u] / out(u) along its out-edges into acc (atomic adds); the ranks of the dangling
// vertices are summed per block (warp shuffles, then shared memory) and added once per block to *dangling.
// Every thread of a block runs the same number of grid-stride rounds, so the barrier is reached uniformly.
__global__ void push_kernel(const std::size_t *__restrict__ row_ptr, const std::size_t *__restrict__ col_idx,
                            const double *__restrict__ rank, double *__restrict__ acc, double *__restrict__ dangling,
                            std::size_t n) {
    __shared__ double warp_sums[BLOCK / 32];
    double local = 0.0;
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t u = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; u < n; u += stride) {
        const std::size_t b = row_ptr[u], e = row_ptr[u + 1];
        if (b == e) {
            local += rank[u];
        } else {
            const double share = rank[u] / static_cast<double>(e - b);
            for (std::size_t k = b; k < e; ++k) atomicAdd(acc + col_idx[k], share);
        }
    }
    for (int off = 16; off > 0; off >>= 1) local += __shfl_down_sync(0xffffffffu, local, off);
    if ((threadIdx.x & 31u) == 0) warp_sums[threadIdx.x / 32] = local;
    __syncthreads();
    if (threadIdx.x == 0) {
        double s = 0.0;
        for (int w = 0; w < BLOCK / 32; ++w) s += warp_sums[w];
        if (s != 0.0) atomicAdd(dangling, s);
    }
}

// rank[v] = (1 - d) / n + d * D / n + d * acc[v]; acc is cleared for the next iteration, as is the other dangling
// slot (*dangling_next, last read by the previous iteration's update kernel).
__global__ void update_kernel(double *__restrict__ rank, double *__restrict__ acc, const double *__restrict__ dangling,
                              double *__restrict__ dangling_next, double damping, std::size_t n) {
    const double nd = static_cast<double>(n);
    const double base = (1.0 - damping) / nd + damping * *dangling / nd;
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    const std::size_t first = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x;
    if (first == 0) *dangling_next = 0.0;
    for (std::size_t v = first; v < n; v += stride) {
        rank[v] = base + damping * acc[v];
        acc[v] = 0.0;
    }
}

}  // namespace

void pagerank(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx, double damping,
              int iterations, std::vector<double> &rank) {
    if (n == 0) return;
    const std::size_t nnz = col_idx.size();
    std::size_t *d_row = nullptr, *d_col = nullptr;
    double *d_rank = nullptr, *d_acc = nullptr, *d_dangling = nullptr;
    check(cudaMallocAsync(&d_rank, n * sizeof(double), 0), "cudaMallocAsync rank");
    check(cudaMallocAsync(&d_acc, n * sizeof(double), 0), "cudaMallocAsync acc");
    check(cudaMallocAsync(&d_dangling, 2 * sizeof(double), 0), "cudaMallocAsync dangling");
    check(cudaMemsetAsync(d_dangling, 0, 2 * sizeof(double), 0), "cudaMemsetAsync dangling");
    check(cudaMallocAsync(&d_row, (n + 1) * sizeof(std::size_t), 0), "cudaMallocAsync row_ptr");
    check(cudaMemcpyAsync(d_row, row_ptr.data(), (n + 1) * sizeof(std::size_t), cudaMemcpyHostToDevice, 0),
          "copy row_ptr to the device");
    if (nnz > 0) {
        check(cudaMallocAsync(&d_col, nnz * sizeof(std::size_t), 0), "cudaMallocAsync col_idx");
        check(cudaMemcpyAsync(d_col, col_idx.data(), nnz * sizeof(std::size_t), cudaMemcpyHostToDevice, 0),
              "copy col_idx to the device");
    }
    const unsigned blocks = static_cast<unsigned>(std::min<std::size_t>((n + BLOCK - 1) / BLOCK, 65535u * 8u));
    init_kernel<<<blocks, BLOCK>>>(d_rank, d_acc, n, 1.0 / static_cast<double>(n));
    check(cudaGetLastError(), "init_kernel launch");
    for (int it = 0; it < iterations; ++it) {
        double *cur = d_dangling + (it & 1), *other = d_dangling + ((it + 1) & 1);
        push_kernel<<<blocks, BLOCK>>>(d_row, d_col, d_rank, d_acc, cur, n);
        check(cudaGetLastError(), "push_kernel launch");
        update_kernel<<<blocks, BLOCK>>>(d_rank, d_acc, cur, other, damping, n);
        check(cudaGetLastError(), "update_kernel launch");
    }
    check(cudaMemcpyAsync(rank.data(), d_rank, n * sizeof(double), cudaMemcpyDeviceToHost, 0), "copy rank to the host");
    check(cudaFreeAsync(d_rank, 0), "cudaFreeAsync rank");
    check(cudaFreeAsync(d_acc, 0), "cudaFreeAsync acc");
    check(cudaFreeAsync(d_dangling, 0), "cudaFreeAsync dangling");
    check(cudaFreeAsync(d_row, 0), "cudaFreeAsync row_ptr");
    if (d_col) check(cudaFreeAsync(d_col, 0), "cudaFreeAsync col_idx");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
