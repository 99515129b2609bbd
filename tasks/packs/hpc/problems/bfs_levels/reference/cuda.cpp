// CUDA reference of bfs_levels: direction-optimizing level-synchronous BFS on the device: top-down levels expand a frontier queue (one thread per frontier vertex, atomicCAS claims), bottom-up levels let every unvisited vertex look for a parent at the previous level; both append the new frontier to a queue with warp-aggregated atomics and count its edges for the switch heuristic.
#include <cuda_runtime.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

void check(cudaError_t status, const char *what) {
    if (status != cudaSuccess) throw std::runtime_error(std::string(what) + ": " + cudaGetErrorString(status));
}

typedef unsigned long long u64;
constexpr int BLOCK = 256;               // a multiple of 32
constexpr std::size_t ALPHA = 15;        // top-down -> bottom-up when frontier edges > unexplored edges / ALPHA
constexpr std::size_t BETA = 18;         // bottom-up -> top-down when the frontier shrinks below n / BETA

// counters[0]: next queue length, counters[1]: edges of the next frontier
__global__ void init_kernel(long long *dist, std::size_t n, std::size_t source, u64 *queue) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t v = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; v < n; v += stride)
        dist[v] = v == source ? 0 : -1;
    if (blockIdx.x == 0 && threadIdx.x == 0) queue[0] = source;
}

// Top-down: every frontier vertex claims its unvisited neighbours (atomicCAS -1 -> level) and appends them.
__global__ void top_down_kernel(const u64 *__restrict__ row_ptr, const u64 *__restrict__ col_idx,
                                const u64 *__restrict__ queue, std::size_t queue_len, u64 *__restrict__ next,
                                long long *dist, long long level, u64 *counters) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < queue_len; i += stride) {
        const u64 u = queue[i];
        const u64 end = row_ptr[u + 1];
        for (u64 k = row_ptr[u]; k < end; ++k) {
            const u64 v = col_idx[k];
            if (__ldcg(dist + v) >= 0) continue;
            if (atomicCAS(reinterpret_cast<u64 *>(dist + v), ~0ull, static_cast<u64>(level)) == ~0ull) {
                next[atomicAdd(counters, 1ull)] = v;
                atomicAdd(counters + 1, row_ptr[v + 1] - row_ptr[v]);
            }
        }
    }
}

// Bottom-up: every unvisited vertex takes the level if one of its neighbours is at level - 1. Only the vertex's
// own thread writes its distance, and the values written (level) never equal level - 1, so the reads are safe.
// The loop runs over n rounded up to 32, so whole warps iterate together and the ballots see every lane.
__global__ void bottom_up_kernel(const u64 *__restrict__ row_ptr, const u64 *__restrict__ col_idx, std::size_t n,
                                 u64 *__restrict__ next, long long *dist, long long level, u64 *counters) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    const std::size_t n32 = (n + 31) / 32 * 32;
    const unsigned lane = threadIdx.x & 31u;
    for (std::size_t v = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; v < n32; v += stride) {
        bool found = false;
        u64 deg = 0;
        if (v < n && dist[v] < 0) {
            const u64 begin = row_ptr[v], end = row_ptr[v + 1];
            for (u64 k = begin; k < end; ++k)
                if (__ldcg(dist + col_idx[k]) == level - 1) {
                    found = true;
                    break;
                }
            if (found) {
                dist[v] = level;
                deg = end - begin;
            }
        }
        const unsigned mask = __ballot_sync(0xffffffffu, found);
        for (int off = 16; off > 0; off >>= 1) deg += __shfl_down_sync(0xffffffffu, deg, off);
        if (mask == 0) continue;
        u64 base = 0;
        if (lane == 0) {
            base = atomicAdd(counters, static_cast<u64>(__popc(mask)));
            atomicAdd(counters + 1, deg);
        }
        base = __shfl_sync(0xffffffffu, base, 0);
        if (found) next[base + __popc(mask & ((1u << lane) - 1u))] = v;
    }
}

}  // namespace

void bfs_levels(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx, size_t source,
                std::vector<int64_t> &dist) {
    if (n == 0) return;
    const std::size_t nnz = row_ptr[n];
    u64 *drp = nullptr, *dci = nullptr, *queue = nullptr, *next = nullptr, *counters = nullptr;
    long long *ddist = nullptr;
    check(cudaMallocAsync(&drp, (n + 1) * sizeof(u64), 0), "cudaMallocAsync row_ptr");
    check(cudaMallocAsync(&dci, std::max<std::size_t>(nnz, 1) * sizeof(u64), 0), "cudaMallocAsync col_idx");
    check(cudaMallocAsync(&queue, n * sizeof(u64), 0), "cudaMallocAsync queue");
    check(cudaMallocAsync(&next, n * sizeof(u64), 0), "cudaMallocAsync next queue");
    check(cudaMallocAsync(&counters, 2 * sizeof(u64), 0), "cudaMallocAsync counters");
    check(cudaMallocAsync(&ddist, n * sizeof(long long), 0), "cudaMallocAsync dist");
    check(cudaMemcpyAsync(drp, row_ptr.data(), (n + 1) * sizeof(u64), cudaMemcpyHostToDevice, 0),
          "copy row_ptr to the device");
    if (nnz > 0)
        check(cudaMemcpyAsync(dci, col_idx.data(), nnz * sizeof(u64), cudaMemcpyHostToDevice, 0),
              "copy col_idx to the device");
    const std::size_t vblocks = std::min<std::size_t>((n + BLOCK - 1) / BLOCK, 65535u * 8u);
    init_kernel<<<static_cast<unsigned>(vblocks), BLOCK>>>(ddist, n, source, queue);
    check(cudaGetLastError(), "init_kernel launch");

    std::size_t queue_len = 1;
    std::size_t frontier_edges = row_ptr[source + 1] - row_ptr[source];
    std::size_t unexplored_edges = nnz - frontier_edges;
    bool bottom_up = false;
    for (long long level = 1; queue_len > 0; ++level) {
        const std::size_t prev_len = queue_len;
        if (!bottom_up && frontier_edges > unexplored_edges / ALPHA) bottom_up = true;
        check(cudaMemsetAsync(counters, 0, 2 * sizeof(u64), 0), "clear the counters");
        if (bottom_up) {
            bottom_up_kernel<<<static_cast<unsigned>(vblocks), BLOCK>>>(drp, dci, n, next, ddist, level, counters);
            check(cudaGetLastError(), "bottom_up_kernel launch");
        } else {
            const std::size_t qblocks = std::min<std::size_t>((queue_len + BLOCK - 1) / BLOCK, 65535u * 8u);
            top_down_kernel<<<static_cast<unsigned>(qblocks), BLOCK>>>(drp, dci, queue, queue_len, next, ddist, level,
                                                                        counters);
            check(cudaGetLastError(), "top_down_kernel launch");
        }
        u64 host_counters[2] = {0, 0};
        check(cudaMemcpy(host_counters, counters, sizeof host_counters, cudaMemcpyDeviceToHost),
              "copy the counters to the host");
        queue_len = static_cast<std::size_t>(host_counters[0]);
        const std::size_t edges = static_cast<std::size_t>(host_counters[1]);
        std::swap(queue, next);
        if (bottom_up && queue_len < n / BETA && queue_len < prev_len) bottom_up = false;
        frontier_edges = edges;
        unexplored_edges -= edges < unexplored_edges ? edges : unexplored_edges;
    }
    check(cudaMemcpyAsync(dist.data(), ddist, n * sizeof(long long), cudaMemcpyDeviceToHost, 0),
          "copy dist to the host");
    check(cudaFreeAsync(drp, 0), "cudaFreeAsync row_ptr");
    check(cudaFreeAsync(dci, 0), "cudaFreeAsync col_idx");
    check(cudaFreeAsync(queue, 0), "cudaFreeAsync queue");
    check(cudaFreeAsync(next, 0), "cudaFreeAsync next queue");
    check(cudaFreeAsync(counters, 0), "cudaFreeAsync counters");
    check(cudaFreeAsync(ddist, 0), "cudaFreeAsync dist");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
