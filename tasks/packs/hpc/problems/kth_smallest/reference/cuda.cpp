// CUDA reference of kth_smallest: radix select on order-preserving 64-bit keys, eight 8-bit digit passes (shared-memory histogram kernel, one-block digit pick kernel), state kept on the device.
#include <cuda_runtime.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

void check(cudaError_t status, const char *what) {
    if (status != cudaSuccess) throw std::runtime_error(std::string(what) + ": " + cudaGetErrorString(status));
}

constexpr int BLOCK = 256;
constexpr int RADIX = 256;  // 8-bit digits
constexpr unsigned long long SIGN = 1ull << 63;

// The selection so far: the keys matching prefix on the bits of mask are the candidates, and the answer is the
// rank-th smallest (1-based) of them.
struct State {
    unsigned long long prefix, mask, rank;
};

// A key whose unsigned order is the order of the doubles (finite values): positive values get the sign bit set,
// negative ones are bitwise inverted.
__device__ __forceinline__ unsigned long long to_key(double v) {
    const unsigned long long u = static_cast<unsigned long long>(__double_as_longlong(v));
    return (u & SIGN) ? ~u : (u | SIGN);
}

// Histogram of digit (key >> shift) & 255 of the candidate keys into hist (zero on entry), per block in shared
// memory first.
__global__ void histogram_kernel(const double *__restrict__ x, std::size_t n, const State *__restrict__ state,
                                 int shift, unsigned long long *__restrict__ hist) {
    __shared__ unsigned int local[RADIX];
    for (int d = threadIdx.x; d < RADIX; d += blockDim.x) local[d] = 0;
    __syncthreads();
    const unsigned long long prefix = state->prefix, mask = state->mask;
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        const unsigned long long key = to_key(x[i]);
        if (((key ^ prefix) & mask) == 0) atomicAdd(&local[(key >> shift) & (RADIX - 1)], 1u);
    }
    __syncthreads();
    for (int d = threadIdx.x; d < RADIX; d += blockDim.x)
        if (local[d] != 0) atomicAdd(hist + d, static_cast<unsigned long long>(local[d]));
}

// One block of RADIX threads: picks the digit holding the rank-th candidate, narrows the state to it and clears
// the histogram for the next pass.
__global__ void pick_kernel(unsigned long long *__restrict__ hist, State *__restrict__ state, int shift) {
    __shared__ unsigned long long h[RADIX];
    h[threadIdx.x] = hist[threadIdx.x];
    hist[threadIdx.x] = 0;
    __syncthreads();
    if (threadIdx.x == 0) {
        State s = *state;
        unsigned long long below = 0;
        int digit = RADIX - 1;
        for (int d = 0; d < RADIX; ++d) {
            if (below + h[d] >= s.rank) {
                digit = d;
                break;
            }
            below += h[d];
        }
        s.rank -= below;
        s.prefix |= static_cast<unsigned long long>(digit) << shift;
        s.mask |= static_cast<unsigned long long>(RADIX - 1) << shift;
        *state = s;
    }
}

}  // namespace

double kth_smallest(const std::vector<double> &x, size_t k) {
    const std::size_t n = x.size();
    if (n == 0) return 0.0;
    if (k < 1) k = 1;
    if (k > n) k = n;
    int device = 0, sms = 0;
    check(cudaGetDevice(&device), "cudaGetDevice");
    check(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, device), "cudaDeviceGetAttribute");
    const unsigned blocks = static_cast<unsigned>(std::max<std::size_t>(
        1, std::min<std::size_t>((n + BLOCK - 1) / BLOCK, static_cast<std::size_t>(sms) * 8)));
    double *d_x = nullptr;
    unsigned long long *d_hist = nullptr;
    State *d_state = nullptr;
    check(cudaMallocAsync(&d_x, n * sizeof(double), 0), "cudaMallocAsync x");
    check(cudaMallocAsync(&d_hist, RADIX * sizeof(unsigned long long), 0), "cudaMallocAsync hist");
    check(cudaMallocAsync(&d_state, sizeof(State), 0), "cudaMallocAsync state");
    check(cudaMemcpyAsync(d_x, x.data(), n * sizeof(double), cudaMemcpyHostToDevice, 0), "copy x to the device");
    check(cudaMemsetAsync(d_hist, 0, RADIX * sizeof(unsigned long long), 0), "cudaMemsetAsync hist");
    State init{0, 0, static_cast<unsigned long long>(k)};
    check(cudaMemcpyAsync(d_state, &init, sizeof(State), cudaMemcpyHostToDevice, 0), "copy state to the device");
    for (int shift = 56; shift >= 0; shift -= 8) {
        histogram_kernel<<<blocks, BLOCK>>>(d_x, n, d_state, shift, d_hist);
        check(cudaGetLastError(), "histogram_kernel launch");
        pick_kernel<<<1, RADIX>>>(d_hist, d_state, shift);
        check(cudaGetLastError(), "pick_kernel launch");
    }
    State result{0, 0, 0};
    check(cudaMemcpyAsync(&result, d_state, sizeof(State), cudaMemcpyDeviceToHost, 0), "copy state to the host");
    check(cudaFreeAsync(d_x, 0), "cudaFreeAsync x");
    check(cudaFreeAsync(d_hist, 0), "cudaFreeAsync hist");
    check(cudaFreeAsync(d_state, 0), "cudaFreeAsync state");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
    // the full key of the k-th smallest value, back to its double
    const unsigned long long key = result.prefix;
    const unsigned long long bits = (key & SIGN) ? (key ^ SIGN) : ~key;
    double value = 0.0;
    std::memcpy(&value, &bits, sizeof(value));
    return value;
}
