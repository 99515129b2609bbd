// CUDA reference of fft_inverse: radix-2 DIT in a few out-of-place passes, each doing up to 8 butterfly stages on 2048-point groups in shared memory (bit reversal folded into the first pass's loads, the 1 / n scaling into the last pass's stores).
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

constexpr int kBlock = 256;
constexpr int kTile = 2048;    // complex values per block in shared memory
constexpr int kMaxBits = 8;    // butterfly stages per pass, at most (so at least 8 groups share a block)
constexpr std::size_t kMaxGrid = 65535u * 8u;

// tw[e] = exp(sign * 2 pi i e / L) for e < L / 2, from the exact angle (sincospi of 2 e / L).
__global__ void twiddle_kernel(double2 *__restrict__ tw, std::size_t half, double sign) {
    const std::size_t stride = static_cast<std::size_t>(gridDim.x) * blockDim.x;
    for (std::size_t e = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; e < half; e += stride) {
        double s, c;
        sincospi(static_cast<double>(e) / static_cast<double>(half), &s, &c);
        tw[e] = make_double2(c, sign * s);
    }
}

// One pass of a batched radix-2 decimation-in-time FFT of length L = 2^lgL. The data are 2^total_bits
// complex values; the transforms run along the index bits [s, s + lgL) (element stride 2^s), and are
// batched over all the other bits. The pass performs the stages of half sizes 2^a .. 2^(a + nb - 1):
// each group of 2^nb elements whose indices differ only in bits [s + a, s + a + nb) is loaded into
// shared memory, goes through nb stages and is stored (times scale) to dst. With bit_reverse (the
// first pass, a = 0) the transform coordinate of the source index is bit-reversed on load.
__global__ void fft_pass_kernel(const double2 *__restrict__ src, double2 *__restrict__ dst, int total_bits, int s,
                                int lgL, int a, int nb, bool bit_reverse, const double2 *__restrict__ tw,
                                double scale) {
    __shared__ double2 sh[kTile];
    const int P = 1 << nb;                   // elements per group
    const int C = kTile >> nb;               // groups per block
    const int LB = s + a;                    // index bits below the group's bits
    const std::size_t low_mask = (std::size_t(1) << LB) - 1;
    const std::size_t groups = std::size_t(1) << (total_bits - nb);
    const std::size_t blocks = (groups + C - 1) / C;
    const std::size_t L = std::size_t(1) << lgL;
    const bool j_fastest = LB == 0;          // then a group's elements are consecutive in memory
    for (std::size_t blk = blockIdx.x; blk < blocks; blk += gridDim.x) {
        // load: with LB > 0 consecutive threads take consecutive groups (consecutive addresses)
        for (int p = threadIdx.x; p < C * P; p += blockDim.x) {
            const int q = j_fastest ? p / P : p % C, j = j_fastest ? p % P : p / C;
            const std::size_t g = blk * C + q;
            if (g >= groups) continue;
            const std::size_t base = ((g >> LB) << (LB + nb)) | (g & low_mask);
            std::size_t idx = base | (static_cast<std::size_t>(j) << LB);
            if (bit_reverse) {
                const std::size_t k = (idx >> s) & (L - 1);
                const std::size_t rk = lgL == 0 ? 0 : (__brevll(k) >> (64 - lgL));
                idx = (idx & ~((L - 1) << s)) | (rk << s);
            }
            sh[q * P + j] = src[idx];
        }
        __syncthreads();
        for (int tt = 0; tt < nb; ++tt) {
            const int hh = 1 << tt;
            for (int b = threadIdx.x; b < C * P / 2; b += blockDim.x) {
                const int q = b >> (nb - 1), r = b & (P / 2 - 1);
                const std::size_t g = blk * C + q;
                if (g >= groups) continue;
                const int jlo = r & (hh - 1);
                const int j0 = ((r >> tt) << (tt + 1)) | jlo, j1 = j0 + hh;
                // position within the stage's half: (j's low bits above a, the transform bits below a)
                const std::size_t klow = (g & low_mask) >> s;
                const std::size_t e = ((static_cast<std::size_t>(jlo) << a) | klow) << (lgL - (a + tt + 1));
                const double2 w = tw[e];
                const double2 u = sh[q * P + j0], v0 = sh[q * P + j1];
                const double2 v = make_double2(v0.x * w.x - v0.y * w.y, v0.x * w.y + v0.y * w.x);
                sh[q * P + j0] = make_double2(u.x + v.x, u.y + v.y);
                sh[q * P + j1] = make_double2(u.x - v.x, u.y - v.y);
            }
            __syncthreads();
        }
        for (int p = threadIdx.x; p < C * P; p += blockDim.x) {
            const int q = j_fastest ? p / P : p % C, j = j_fastest ? p % P : p / C;
            const std::size_t g = blk * C + q;
            if (g >= groups) continue;
            const std::size_t base = ((g >> LB) << (LB + nb)) | (g & low_mask);
            const std::size_t idx = base | (static_cast<std::size_t>(j) << LB);
            const double2 v = sh[q * P + j];
            dst[idx] = make_double2(v.x * scale, v.y * scale);
        }
        __syncthreads();  // sh is reloaded for the next group of groups
    }
}

int log2_exact(std::size_t n) {
    int lg = 0;
    while ((std::size_t(1) << lg) < n) ++lg;
    return lg;
}

// All passes of the transforms along bits [s, s + lgL) of 2^total_bits values, from *a (ping-pong
// with *b; on return *a holds the result). scale multiplies the output of the last pass.
void fft_batched(double2 *&a, double2 *&b, int total_bits, int s, int lgL, const double2 *tw, double scale) {
    const int npass = (lgL + kMaxBits - 1) / kMaxBits;
    int first = 0;
    for (int p = 0; p < npass; ++p) {
        const int nb = lgL / npass + (p < lgL % npass ? 1 : 0);
        const std::size_t groups = std::size_t(1) << (total_bits - nb);
        const std::size_t per_block = static_cast<std::size_t>(kTile >> nb);
        const std::size_t blocks = std::min((groups + per_block - 1) / per_block, kMaxGrid);
        fft_pass_kernel<<<static_cast<unsigned>(blocks), kBlock>>>(a, b, total_bits, s, lgL, first, nb, p == 0, tw,
                                                                   p == npass - 1 ? scale : 1.0);
        check(cudaGetLastError(), "fft_pass_kernel launch");
        std::swap(a, b);
        first += nb;
    }
}

}  // namespace

void fft_inverse(std::vector<double> &data, size_t n) {
    if (n <= 1) return;  // the inverse DFT of one value is the value (scale 1)
    const int lg = log2_exact(n);
    const std::size_t bytes = n * sizeof(double2);
    double2 *da = nullptr, *db = nullptr, *dtw = nullptr;
    check(cudaMallocAsync(&da, bytes, 0), "cudaMallocAsync data");
    check(cudaMallocAsync(&db, bytes, 0), "cudaMallocAsync buffer");
    check(cudaMallocAsync(&dtw, (n / 2) * sizeof(double2), 0), "cudaMallocAsync twiddles");
    check(cudaMemcpyAsync(da, data.data(), bytes, cudaMemcpyHostToDevice, 0), "copy data to the device");
    const std::size_t half = n / 2;
    twiddle_kernel<<<static_cast<unsigned>(std::min((half + kBlock - 1) / kBlock, kMaxGrid)), kBlock>>>(dtw, half, 1.0);
    check(cudaGetLastError(), "twiddle_kernel launch");
    fft_batched(da, db, lg, 0, lg, dtw, 1.0 / static_cast<double>(n));
    check(cudaMemcpyAsync(data.data(), da, bytes, cudaMemcpyDeviceToHost, 0), "copy data to the host");
    check(cudaFreeAsync(da, 0), "cudaFreeAsync data");
    check(cudaFreeAsync(db, 0), "cudaFreeAsync buffer");
    check(cudaFreeAsync(dtw, 0), "cudaFreeAsync twiddles");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
