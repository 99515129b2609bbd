// CUDA reference of circular_convolution: one complex radix-2 FFT of z = a + i b (stages up to 1024 points in shared memory, the rest one kernel per stage), the spectra of a and b split from Z[k] and Z[-k] and multiplied (written bit-reversed), one inverse FFT, real parts scaled by 1/n; twiddles from sincospi.
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
constexpr std::size_t SHARED_POINTS = 1024;  // complex points per block in the shared-memory stages

__device__ __forceinline__ std::size_t bit_reverse(std::size_t i, int log2n) {
    return log2n == 0 ? 0 : static_cast<std::size_t>(__brevll(static_cast<unsigned long long>(i)) >> (64 - log2n));
}

// w[k] = exp(-2 pi i k / n) for k < n / 2 (the forward transform's twiddles; the inverse uses their conjugates).
__global__ void twiddle_kernel(double2 *__restrict__ w, std::size_t n) {
    const std::size_t half = n / 2;
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t k = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; k < half; k += stride) {
        double s, c;
        sincospi(-2.0 * static_cast<double>(k) / static_cast<double>(n), &s, &c);
        w[k] = make_double2(c, s);
    }
}

// z[i] = a[rev(i)] + i b[rev(i)]: the packed input in bit-reversed order, ready for the in-place stages.
__global__ void load_kernel(const double *__restrict__ a, const double *__restrict__ b, double2 *__restrict__ z,
                            std::size_t n, int log2n) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        const std::size_t r = bit_reverse(i, log2n);
        z[i] = make_double2(a[r], b[r]);
    }
}

__device__ __forceinline__ void butterfly(double2 &u, double2 &v, double2 w) {
    const double tr = v.x * w.x - v.y * w.y, ti = v.x * w.y + v.y * w.x;
    v = make_double2(u.x - tr, u.y - ti);
    u = make_double2(u.x + tr, u.y + ti);
}

// Stages len = 2 .. S (S = min(n, 1024) points per block) in shared memory; blockDim.x = S / 2, one butterfly per
// thread and stage. conj = true for the inverse transform.
__global__ void fft_shared_kernel(double2 *z, const double2 *__restrict__ w, std::size_t n, bool conj) {
    __shared__ double2 s[SHARED_POINTS];
    const std::size_t S = 2 * static_cast<std::size_t>(blockDim.x);
    const std::size_t base = static_cast<std::size_t>(blockIdx.x) * S;
    for (std::size_t q = threadIdx.x; q < S; q += blockDim.x) s[q] = z[base + q];
    __syncthreads();
    const std::size_t t = threadIdx.x;
    for (std::size_t len = 2; len <= S; len <<= 1) {
        const std::size_t half = len / 2;
        const std::size_t j = t % half, u = (t / half) * len + j;
        double2 tw = w[j * (n / len)];
        if (conj) tw.y = -tw.y;
        double2 a = s[u], b = s[u + half];
        butterfly(a, b, tw);
        s[u] = a;
        s[u + half] = b;
        __syncthreads();
    }
    for (std::size_t q = threadIdx.x; q < S; q += blockDim.x) z[base + q] = s[q];
}

// One stage of length len (> 1024) over the whole array: n / 2 butterflies.
__global__ void fft_stage_kernel(double2 *z, const double2 *__restrict__ w, std::size_t n, std::size_t len, bool conj) {
    const std::size_t half = len / 2, step = n / len, count = n / 2;
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t t = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; t < count; t += stride) {
        const std::size_t j = t % half, u = (t / half) * len + j;
        double2 tw = w[j * step];
        if (conj) tw.y = -tw.y;
        double2 a = z[u], b = z[u + half];
        butterfly(a, b, tw);
        z[u] = a;
        z[u + half] = b;
    }
}

// Z = FFT(a + i b): A[k] = (Z[k] + conj(Z[-k])) / 2, B[k] = (Z[k] - conj(Z[-k])) / (2i); C = A B is written
// to c[rev(k)] so the inverse transform can start with its stages.
__global__ void product_kernel(const double2 *__restrict__ z, double2 *__restrict__ c, std::size_t n, int log2n) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t k = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; k < n; k += stride) {
        const double2 p = z[k], q = z[(n - k) & (n - 1)];
        const double ar = 0.5 * (p.x + q.x), ai = 0.5 * (p.y - q.y);
        const double br = 0.5 * (p.y + q.y), bi = 0.5 * (q.x - p.x);
        c[bit_reverse(k, log2n)] = make_double2(ar * br - ai * bi, ar * bi + ai * br);
    }
}

__global__ void store_kernel(const double2 *__restrict__ z, double *__restrict__ c, std::size_t n, double scale) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride)
        c[i] = z[i].x * scale;
}

// The butterfly stages of an in-place FFT of z (already in bit-reversed order).
void fft_stages(double2 *z, const double2 *w, std::size_t n, bool conj) {
    if (n < 2) return;
    const std::size_t S = std::min(n, SHARED_POINTS);
    fft_shared_kernel<<<static_cast<unsigned>(n / S), static_cast<unsigned>(S / 2)>>>(z, w, n, conj);
    check(cudaGetLastError(), "fft_shared_kernel launch");
    const std::size_t blocks = std::min<std::size_t>((n / 2 + BLOCK - 1) / BLOCK, 65535u * 8u);
    for (std::size_t len = 2 * S; len <= n; len <<= 1) {
        fft_stage_kernel<<<static_cast<unsigned>(blocks), BLOCK>>>(z, w, n, len, conj);
        check(cudaGetLastError(), "fft_stage_kernel launch");
    }
}

}  // namespace

void circular_convolution(const std::vector<double> &a, const std::vector<double> &b, std::vector<double> &c,
                          size_t n) {
    if (n == 0) return;
    if ((n & (n - 1)) != 0) throw std::runtime_error("circular_convolution: n must be a power of two");
    int log2n = 0;
    while ((std::size_t(1) << log2n) < n) ++log2n;
    double *da = nullptr, *db = nullptr, *dc = nullptr;
    double2 *z = nullptr, *prod = nullptr, *w = nullptr;
    check(cudaMallocAsync(&da, n * sizeof(double), 0), "cudaMallocAsync a");
    check(cudaMallocAsync(&db, n * sizeof(double), 0), "cudaMallocAsync b");
    check(cudaMallocAsync(&dc, n * sizeof(double), 0), "cudaMallocAsync c");
    check(cudaMallocAsync(&z, n * sizeof(double2), 0), "cudaMallocAsync z");
    check(cudaMallocAsync(&prod, n * sizeof(double2), 0), "cudaMallocAsync product");
    check(cudaMallocAsync(&w, std::max<std::size_t>(n / 2, 1) * sizeof(double2), 0), "cudaMallocAsync twiddles");
    check(cudaMemcpyAsync(da, a.data(), n * sizeof(double), cudaMemcpyHostToDevice, 0), "copy a to the device");
    check(cudaMemcpyAsync(db, b.data(), n * sizeof(double), cudaMemcpyHostToDevice, 0), "copy b to the device");
    const std::size_t blocks = std::min<std::size_t>((n + BLOCK - 1) / BLOCK, 65535u * 8u);
    const unsigned g = static_cast<unsigned>(blocks);
    if (n >= 2) {
        twiddle_kernel<<<g, BLOCK>>>(w, n);
        check(cudaGetLastError(), "twiddle_kernel launch");
    }
    load_kernel<<<g, BLOCK>>>(da, db, z, n, log2n);
    check(cudaGetLastError(), "load_kernel launch");
    fft_stages(z, w, n, false);
    product_kernel<<<g, BLOCK>>>(z, prod, n, log2n);
    check(cudaGetLastError(), "product_kernel launch");
    fft_stages(prod, w, n, true);
    store_kernel<<<g, BLOCK>>>(prod, dc, n, 1.0 / static_cast<double>(n));
    check(cudaGetLastError(), "store_kernel launch");
    check(cudaMemcpyAsync(c.data(), dc, n * sizeof(double), cudaMemcpyDeviceToHost, 0), "copy c to the host");
    check(cudaFreeAsync(da, 0), "cudaFreeAsync a");
    check(cudaFreeAsync(db, 0), "cudaFreeAsync b");
    check(cudaFreeAsync(dc, 0), "cudaFreeAsync c");
    check(cudaFreeAsync(z, 0), "cudaFreeAsync z");
    check(cudaFreeAsync(prod, 0), "cudaFreeAsync product");
    check(cudaFreeAsync(w, 0), "cudaFreeAsync twiddles");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
