// CUDA reference of gemm: 32 x 32 output tiles per block, A and B staged through shared memory in 32-wide k slices, 2 x 2 outputs in registers per thread.
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

constexpr int kT = 16;        // threads per block in each direction
constexpr int kR = 2;         // outputs per thread in each direction
constexpr int kBM = kT * kR;  // rows of C per block
constexpr int kBN = kT * kR;  // columns of C per block
constexpr int kBK = 32;       // k slice staged in shared memory

// C (m x n) = A (m x k) * B (k x n), all row-major. Thread (tx, ty) computes rows ty + kT * a and
// columns tx + kT * b (a, b < kR) of its block's tile, so its B reads are consecutive across the
// half-warp and its A reads are broadcasts. Blocks stride over the tiles (any grid size works).
__global__ void gemm_kernel(const double *__restrict__ A, const double *__restrict__ B, double *__restrict__ C,
                            std::size_t m, std::size_t k, std::size_t n) {
    __shared__ double As[kBK][kBM + 1];  // As[p][i] = A[row0 + i][p0 + p] (transposed, padded)
    __shared__ double Bs[kBK][kBN];      // Bs[p][j] = B[p0 + p][col0 + j]
    const int tx = threadIdx.x, ty = threadIdx.y, tid = ty * kT + tx;
    const std::size_t tiles_m = (m + kBM - 1) / kBM, tiles_n = (n + kBN - 1) / kBN;
    for (std::size_t tm = blockIdx.y; tm < tiles_m; tm += gridDim.y) {
        for (std::size_t tn = blockIdx.x; tn < tiles_n; tn += gridDim.x) {
            const std::size_t row0 = tm * kBM, col0 = tn * kBN;
            double acc[kR][kR];
            for (int a = 0; a < kR; ++a)
                for (int b = 0; b < kR; ++b) acc[a][b] = 0.0;
            for (std::size_t p0 = 0; p0 < k; p0 += kBK) {
                // A tile: kBM rows x kBK columns, consecutive threads read consecutive p (coalesced)
                for (int e = tid; e < kBM * kBK; e += kT * kT) {
                    const int i = e / kBK, p = e % kBK;
                    const std::size_t gi = row0 + i, gp = p0 + p;
                    As[p][i] = (gi < m && gp < k) ? A[gi * k + gp] : 0.0;
                }
                // B tile: kBK rows x kBN columns, consecutive threads read consecutive j
                for (int e = tid; e < kBK * kBN; e += kT * kT) {
                    const int p = e / kBN, j = e % kBN;
                    const std::size_t gp = p0 + p, gj = col0 + j;
                    Bs[p][j] = (gp < k && gj < n) ? B[gp * n + gj] : 0.0;
                }
                __syncthreads();
#pragma unroll 8
                for (int p = 0; p < kBK; ++p) {
                    double av[kR], bv[kR];
                    for (int a = 0; a < kR; ++a) av[a] = As[p][ty + kT * a];
                    for (int b = 0; b < kR; ++b) bv[b] = Bs[p][tx + kT * b];
                    for (int a = 0; a < kR; ++a)
                        for (int b = 0; b < kR; ++b) acc[a][b] += av[a] * bv[b];
                }
                __syncthreads();  // the tiles are refilled for the next slice
            }
            for (int a = 0; a < kR; ++a) {
                const std::size_t gi = row0 + ty + kT * a;
                if (gi >= m) continue;
                for (int b = 0; b < kR; ++b) {
                    const std::size_t gj = col0 + tx + kT * b;
                    if (gj < n) C[gi * n + gj] = acc[a][b];
                }
            }
        }
    }
}

}  // namespace

void gemm(const std::vector<double> &A, const std::vector<double> &B, std::vector<double> &C, size_t m, size_t k,
          size_t n) {
    if (m == 0 || n == 0) return;
    const std::size_t abytes = m * k * sizeof(double), bbytes = k * n * sizeof(double), cbytes = m * n * sizeof(double);
    double *dA = nullptr, *dB = nullptr, *dC = nullptr;
    check(cudaMallocAsync(&dA, std::max<std::size_t>(abytes, sizeof(double)), 0), "cudaMallocAsync A");
    check(cudaMallocAsync(&dB, std::max<std::size_t>(bbytes, sizeof(double)), 0), "cudaMallocAsync B");
    check(cudaMallocAsync(&dC, cbytes, 0), "cudaMallocAsync C");
    if (k > 0) {
        check(cudaMemcpyAsync(dA, A.data(), abytes, cudaMemcpyHostToDevice, 0), "copy A to the device");
        check(cudaMemcpyAsync(dB, B.data(), bbytes, cudaMemcpyHostToDevice, 0), "copy B to the device");
    }
    const std::size_t tiles_m = (m + kBM - 1) / kBM, tiles_n = (n + kBN - 1) / kBN;
    const dim3 grid(static_cast<unsigned>(std::min<std::size_t>(tiles_n, 65535u * 8u)),
                    static_cast<unsigned>(std::min<std::size_t>(tiles_m, 65535u)));
    gemm_kernel<<<grid, dim3(kT, kT)>>>(dA, dB, dC, m, k, n);
    check(cudaGetLastError(), "gemm_kernel launch");
    check(cudaMemcpyAsync(C.data(), dC, cbytes, cudaMemcpyDeviceToHost, 0), "copy C to the host");
    check(cudaFreeAsync(dA, 0), "cudaFreeAsync A");
    check(cudaFreeAsync(dB, 0), "cudaFreeAsync B");
    check(cudaFreeAsync(dC, 0), "cudaFreeAsync C");
    check(cudaStreamSynchronize(0), "cudaStreamSynchronize");
}
