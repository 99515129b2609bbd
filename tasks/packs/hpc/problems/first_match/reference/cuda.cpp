// CUDA reference of first_match: x goes to the device in chunks, front first; a grid-stride atomicMin kernel per chunk; stop copying once a chunk has a match.
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

constexpr int kBlock = 256;
constexpr std::size_t kChunk = std::size_t(1) << 22;  // 16 MB of x per round trip
constexpr unsigned long long kNone = ~0ull;

// Smallest i < len with x[i] == target into *best (atomicMin; *best starts at kNone). Each thread's
// indices increase, so it stops at its first match; later threads skip once a smaller index is known.
__global__ void match_kernel(const std::int32_t *__restrict__ x, std::size_t len, std::int32_t target,
                             unsigned long long *best) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < len; i += stride) {
        if (__ldg(x + i) == target) {
            atomicMin(best, static_cast<unsigned long long>(i));
            return;
        }
        if (*reinterpret_cast<volatile unsigned long long *>(best) < i) return;
    }
}

}  // namespace

int64_t first_match(const std::vector<int32_t> &x, int32_t target) {
    const std::size_t n = x.size();
    if (n == 0) return -1;
    const std::size_t chunk = std::min(n, kChunk);
    std::int32_t *dx = nullptr;
    unsigned long long *dbest = nullptr;
    check(cudaMallocAsync(&dx, chunk * sizeof(std::int32_t), 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&dbest, sizeof(unsigned long long), 0), "cudaMallocAsync best");
    check(cudaMemsetAsync(dbest, 0xff, sizeof(unsigned long long), 0), "cudaMemsetAsync best");
    int64_t result = -1;
    for (std::size_t base = 0; base < n; base += chunk) {
        const std::size_t len = std::min(chunk, n - base);
        check(cudaMemcpyAsync(dx, x.data() + base, len * sizeof(std::int32_t), cudaMemcpyHostToDevice, 0),
              "copy a chunk of x to the device");
        const std::size_t blocks = std::min<std::size_t>((len + kBlock - 1) / kBlock, 65535u * 8u);
        match_kernel<<<static_cast<unsigned>(blocks), kBlock>>>(dx, len, target, dbest);
        check(cudaGetLastError(), "match_kernel launch");
        unsigned long long best = kNone;
        // blocking: the chunks are searched in order, so the first chunk with a match holds the answer
        check(cudaMemcpy(&best, dbest, sizeof(best), cudaMemcpyDeviceToHost), "copy best to the host");
        if (best != kNone) {
            result = static_cast<int64_t>(base + best);
            break;
        }
    }
    check(cudaFreeAsync(dx, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(dbest, 0), "cudaFreeAsync best");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
    return result;
}
