// CUDA reference of connected_components: lock-free union-find on the device: one thread per vertex unites it with each larger neighbour (the larger root hooked under the smaller one by atomicCAS, finds with path halving through L2), then every vertex resolves its root, its component's smallest id.
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

typedef unsigned long long u64;  // size_t on the device side (same width)

// parent[v] <= v always holds, so a root is the smallest id of its tree. Loads bypass L1 (__ldcg): another SM
// may have hooked a root or halved a path, and a stale L1 line could make a CAS loop spin on old data.
__device__ __forceinline__ u64 find(u64 *parent, u64 v) {
    u64 p = __ldcg(parent + v);
    while (p != v) {
        const u64 gp = __ldcg(parent + p);
        if (gp != p) __stcg(parent + v, gp);  // path halving: v keeps an ancestor, never a non-ancestor
        v = gp;
        p = __ldcg(parent + v);
    }
    return v;
}

__global__ void init_kernel(u64 *parent, std::size_t n) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t v = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; v < n; v += stride)
        parent[v] = v;
}

// Every edge once, from its smaller end u to each neighbour v > u (rows are sorted, so from the first v > u).
__global__ void union_kernel(const u64 *__restrict__ row_ptr, const u64 *__restrict__ col_idx, u64 *parent,
                             std::size_t n) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t u = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; u < n; u += stride) {
        const u64 end = row_ptr[u + 1];
        for (u64 k = row_ptr[u]; k < end; ++k) {
            const u64 v = col_idx[k];
            if (v <= u) continue;
            u64 a = find(parent, u), b = find(parent, v);
            while (a != b) {
                if (a > b) {
                    const u64 t = a;
                    a = b;
                    b = t;
                }
                // hook the larger root b under a, if b is still a root
                const u64 old = atomicCAS(parent + b, b, a);
                if (old == b) break;
                a = find(parent, a);
                b = find(parent, old);  // b was hooked meanwhile: continue from its new parent
            }
        }
    }
}

__global__ void resolve_kernel(const u64 *parent, u64 *__restrict__ component, std::size_t n) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t v = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; v < n; v += stride) {
        u64 r = v, p = parent[v];
        while (p != r) {
            r = p;
            p = parent[r];
        }
        component[v] = r;
    }
}

}  // namespace

void connected_components(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
                          std::vector<size_t> &component) {
    if (n == 0) return;
    const std::size_t nnz = row_ptr[n];
    u64 *drp = nullptr, *dci = nullptr, *parent = nullptr, *dcomp = nullptr;
    check(cudaMallocAsync(&drp, (n + 1) * sizeof(u64), 0), "cudaMallocAsync row_ptr");
    check(cudaMallocAsync(&dci, std::max<std::size_t>(nnz, 1) * sizeof(u64), 0), "cudaMallocAsync col_idx");
    check(cudaMallocAsync(&parent, n * sizeof(u64), 0), "cudaMallocAsync parent");
    check(cudaMallocAsync(&dcomp, n * sizeof(u64), 0), "cudaMallocAsync component");
    check(cudaMemcpyAsync(drp, row_ptr.data(), (n + 1) * sizeof(u64), cudaMemcpyHostToDevice, 0),
          "copy row_ptr to the device");
    if (nnz > 0)
        check(cudaMemcpyAsync(dci, col_idx.data(), nnz * sizeof(u64), cudaMemcpyHostToDevice, 0),
              "copy col_idx to the device");
    const int block = 256;
    const std::size_t blocks = std::min<std::size_t>((n + block - 1) / block, 65535u * 8u);
    const unsigned g = static_cast<unsigned>(blocks);
    init_kernel<<<g, block>>>(parent, n);
    check(cudaGetLastError(), "init_kernel launch");
    union_kernel<<<g, block>>>(drp, dci, parent, n);
    check(cudaGetLastError(), "union_kernel launch");
    resolve_kernel<<<g, block>>>(parent, dcomp, n);
    check(cudaGetLastError(), "resolve_kernel launch");
    check(cudaMemcpyAsync(component.data(), dcomp, n * sizeof(u64), cudaMemcpyDeviceToHost, 0),
          "copy component to the host");
    check(cudaFreeAsync(drp, 0), "cudaFreeAsync row_ptr");
    check(cudaFreeAsync(dci, 0), "cudaFreeAsync col_idx");
    check(cudaFreeAsync(parent, 0), "cudaFreeAsync parent");
    check(cudaFreeAsync(dcomp, 0), "cudaFreeAsync component");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
