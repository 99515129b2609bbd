// CUDA reference of sssp: frontier Bellman-Ford; each round one kernel relaxes the out-edges of the vertices
// lowered in the previous round (4 lanes per vertex, 64-bit atomicMin) and marks the lowered targets for the next
// round, until a round lowers nothing.
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

constexpr int BLOCK = 256;
constexpr unsigned LANES = 4;  // lanes per vertex (0..10 out-edges)
constexpr long long INF = INT64_MAX;

__global__ void init_kernel(std::size_t n, std::size_t source, long long *__restrict__ dist,
                            unsigned char *__restrict__ active) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t v = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; v < n; v += stride) {
        dist[v] = v == source ? 0 : INF;
        active[v] = v == source ? 1 : 0;
    }
}

// Relaxes the out-edges of every vertex u with cur[u] set. A distance is only ever lowered (atomicMin), and
// whoever lowers dist[v] marks nxt[v], so a vertex whose distance dropped after this round read it is relaxed
// again next round; when a round lowers nothing, every edge satisfies dist[v] <= dist[u] + w.
__global__ void relax_kernel(std::size_t n, const std::size_t *__restrict__ rp, const std::size_t *__restrict__ ci,
                             const long long *__restrict__ wt, long long *dist,
                             const unsigned char *__restrict__ cur, unsigned char *__restrict__ nxt, int *changed) {
    const std::size_t total = n * LANES;
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t t = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; t < total; t += stride) {
        const std::size_t u = t / LANES;
        if (!cur[u]) continue;
        const long long du = *static_cast<volatile long long *>(dist + u);
        const std::size_t end = rp[u + 1];
        bool lowered = false;
        for (std::size_t k = rp[u] + t % LANES; k < end; k += LANES) {
            const std::size_t v = ci[k];
            const long long nd = du + wt[k];
            if (nd < *static_cast<volatile long long *>(dist + v)) {
                const long long old = atomicMin(reinterpret_cast<long long *>(dist + v), nd);
                if (nd < old) {
                    nxt[v] = 1;
                    lowered = true;
                }
            }
        }
        if (lowered) *changed = 1;
    }
}

__global__ void finish_kernel(std::size_t n, long long *__restrict__ dist) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t v = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; v < n; v += stride)
        if (dist[v] == INF) dist[v] = -1;
}

}  // namespace

void sssp(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
          const std::vector<int64_t> &weight, size_t source, std::vector<int64_t> &dist) {
    if (n == 0) return;
    static_assert(sizeof(long long) == sizeof(int64_t), "int64_t is long long sized");
    const std::size_t nnz = row_ptr[n], nnz_alloc = nnz ? nnz : 1;
    std::size_t *drp = nullptr, *dci = nullptr;
    long long *dw = nullptr, *ddist = nullptr;
    unsigned char *act[2] = {nullptr, nullptr};
    int *dchanged = nullptr;
    check(cudaMallocAsync(&drp, (n + 1) * sizeof(std::size_t), 0), "cudaMallocAsync row_ptr");
    check(cudaMallocAsync(&dci, nnz_alloc * sizeof(std::size_t), 0), "cudaMallocAsync col_idx");
    check(cudaMallocAsync(&dw, nnz_alloc * sizeof(long long), 0), "cudaMallocAsync weight");
    check(cudaMallocAsync(&ddist, n * sizeof(long long), 0), "cudaMallocAsync dist");
    check(cudaMallocAsync(&act[0], n, 0), "cudaMallocAsync frontier 0");
    check(cudaMallocAsync(&act[1], n, 0), "cudaMallocAsync frontier 1");
    check(cudaMallocAsync(&dchanged, sizeof(int), 0), "cudaMallocAsync changed flag");
    check(cudaMemcpyAsync(drp, row_ptr.data(), (n + 1) * sizeof(std::size_t), cudaMemcpyHostToDevice, 0),
          "copy row_ptr");
    if (nnz) {
        check(cudaMemcpyAsync(dci, col_idx.data(), nnz * sizeof(std::size_t), cudaMemcpyHostToDevice, 0),
              "copy col_idx");
        check(cudaMemcpyAsync(dw, weight.data(), nnz * sizeof(long long), cudaMemcpyHostToDevice, 0), "copy weight");
    }
    const unsigned vblocks = static_cast<unsigned>(std::min<std::size_t>((n + BLOCK - 1) / BLOCK, 65535u * 8u));
    init_kernel<<<vblocks, BLOCK>>>(n, source, ddist, act[0]);
    check(cudaGetLastError(), "init_kernel launch");
    const unsigned eblocks =
        static_cast<unsigned>(std::min<std::size_t>((n * LANES + BLOCK - 1) / BLOCK, 65535u * 8u));
    // At most n - 1 rounds lower anything (a shortest path has at most n - 1 edges); the last round confirms.
    for (std::size_t round = 0; round < n; ++round) {
        check(cudaMemsetAsync(act[1], 0, n, 0), "clear next frontier");
        check(cudaMemsetAsync(dchanged, 0, sizeof(int), 0), "clear changed flag");
        relax_kernel<<<eblocks, BLOCK>>>(n, drp, dci, dw, ddist, act[0], act[1], dchanged);
        check(cudaGetLastError(), "relax_kernel launch");
        int changed = 0;
        check(cudaMemcpy(&changed, dchanged, sizeof(int), cudaMemcpyDeviceToHost), "copy changed flag");
        if (!changed) break;
        std::swap(act[0], act[1]);
    }
    finish_kernel<<<vblocks, BLOCK>>>(n, ddist);
    check(cudaGetLastError(), "finish_kernel launch");
    check(cudaMemcpyAsync(dist.data(), ddist, n * sizeof(long long), cudaMemcpyDeviceToHost, 0), "copy dist back");
    check(cudaFreeAsync(drp, 0), "cudaFreeAsync row_ptr");
    check(cudaFreeAsync(dci, 0), "cudaFreeAsync col_idx");
    check(cudaFreeAsync(dw, 0), "cudaFreeAsync weight");
    check(cudaFreeAsync(ddist, 0), "cudaFreeAsync dist");
    check(cudaFreeAsync(act[0], 0), "cudaFreeAsync frontier 0");
    check(cudaFreeAsync(act[1], 0), "cudaFreeAsync frontier 1");
    check(cudaFreeAsync(dchanged, 0), "cudaFreeAsync changed flag");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
