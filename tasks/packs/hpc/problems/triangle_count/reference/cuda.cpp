// CUDA reference of triangle_count: 8 lanes per vertex u, each lane takes edges (u, v) with v > u and merges the
// rest of u's row after v with v's row; per-thread counts are summed by warp shuffles and one atomicAdd per block.
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
constexpr unsigned LANES = 8;  // lanes per vertex (average degree about 11)

// Every triangle u < v < w is counted once: from u and its edge to v, as a common neighbour w > v of u and v.
__global__ void triangle_kernel(std::size_t n, const std::size_t *__restrict__ rp, const std::size_t *__restrict__ ci,
                                unsigned long long *__restrict__ result) {
    __shared__ unsigned long long warp_sums[BLOCK / 32];
    unsigned long long count = 0;
    const std::size_t total = n * LANES;
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t t = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; t < total; t += stride) {
        const std::size_t u = t / LANES;
        const std::size_t uend = rp[u + 1];
        for (std::size_t a = rp[u] + t % LANES; a < uend; a += LANES) {
            const std::size_t v = ci[a];
            if (v <= u) continue;
            std::size_t i = a + 1, j = rp[v];
            const std::size_t jend = rp[v + 1];
            if (i >= uend) continue;
            std::size_t ci_i = ci[i];
            while (j < jend) {
                const std::size_t cj = ci[j];
                if (ci_i < cj) {
                    if (++i >= uend) break;
                    ci_i = ci[i];
                } else {
                    if (ci_i == cj) {
                        ++count;
                        if (++i >= uend) break;
                        ci_i = ci[i];
                    }
                    ++j;
                }
            }
        }
    }
    // Block sum: every thread gets here (no early exit above).
    for (int off = 16; off > 0; off >>= 1) count += __shfl_down_sync(0xffffffffu, count, off);
    const unsigned lane = threadIdx.x & 31u, warp = threadIdx.x >> 5;
    if (lane == 0) warp_sums[warp] = count;
    __syncthreads();
    if (threadIdx.x == 0) {
        unsigned long long s = 0;
        for (int w = 0; w < BLOCK / 32; ++w) s += warp_sums[w];
        if (s) atomicAdd(result, s);
    }
}

}  // namespace

size_t triangle_count(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx) {
    if (n == 0) return 0;
    const std::size_t nnz = row_ptr[n];
    if (nnz == 0) return 0;
    std::size_t *drp = nullptr, *dci = nullptr;
    unsigned long long *dresult = nullptr;
    check(cudaMallocAsync(&drp, (n + 1) * sizeof(std::size_t), 0), "cudaMallocAsync row_ptr");
    check(cudaMallocAsync(&dci, nnz * sizeof(std::size_t), 0), "cudaMallocAsync col_idx");
    check(cudaMallocAsync(&dresult, sizeof(unsigned long long), 0), "cudaMallocAsync result");
    check(cudaMemsetAsync(dresult, 0, sizeof(unsigned long long), 0), "clear result");
    check(cudaMemcpyAsync(drp, row_ptr.data(), (n + 1) * sizeof(std::size_t), cudaMemcpyHostToDevice, 0),
          "copy row_ptr");
    check(cudaMemcpyAsync(dci, col_idx.data(), nnz * sizeof(std::size_t), cudaMemcpyHostToDevice, 0), "copy col_idx");
    const unsigned blocks =
        static_cast<unsigned>(std::min<std::size_t>((n * LANES + BLOCK - 1) / BLOCK, 65535u * 8u));
    triangle_kernel<<<blocks, BLOCK>>>(n, drp, dci, dresult);
    check(cudaGetLastError(), "triangle_kernel launch");
    unsigned long long result = 0;
    check(cudaMemcpyAsync(&result, dresult, sizeof(result), cudaMemcpyDeviceToHost, 0), "copy the count back");
    check(cudaFreeAsync(drp, 0), "cudaFreeAsync row_ptr");
    check(cudaFreeAsync(dci, 0), "cudaFreeAsync col_idx");
    check(cudaFreeAsync(dresult, 0), "cudaFreeAsync result");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
    return static_cast<std::size_t>(result);
}
