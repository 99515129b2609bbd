// cuda_runtime.h -- a stand-in for the CUDA runtime header, for building the hpc pack's CUDA references with g++
// and running them on the CPU (see README.md). benchmarks/cuda_emulate.py rewrites each `k<<<g, b, s>>>(args);`
// into `cuda_emu::launch(g, b, s, [=] { k(args); });` and puts this directory first on the include path.
//
// What is here: the qualifiers, the vector types the references use, the runtime API for memory, copies and
// streams (all synchronous; stream 0 only), the device intrinsics (warp operations, barriers, atomics, bit
// tricks, rounding-explicit arithmetic, sincospi). Anything else fails to compile, which the tool reports.
#ifndef CUDA_EMU_CUDA_RUNTIME_H
#define CUDA_EMU_CUDA_RUNTIME_H

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "cuda_emu_core.h"

// ---------------------------------------------------------------- qualifiers
#define __global__
#define __device__
#define __host__
#define __forceinline__ inline
#define __noinline__
#define __restrict__  // the aliasing promise is the optimizer's business, not the logic's
#define __launch_bounds__(...)
#define __align__(n) alignas(n)
// Block-shared variables are function-scope statics in one linker section: one instance while the block runs
// (blocks run one at a time), refilled with junk before every block (cuda_emu_core.h). `extern __shared__`
// arrays are rewritten by the tool into a pointer to the launch's dynamic shared memory.
#define __shared__ __attribute__((section("cuda_emu_shared"))) static

// ---------------------------------------------------------------- types
using cudaError_t = int;
using cudaStream_t = int;
enum : int { cudaSuccess = 0 };
enum cudaMemcpyKind {
    cudaMemcpyHostToHost,
    cudaMemcpyHostToDevice,
    cudaMemcpyDeviceToHost,
    cudaMemcpyDeviceToDevice,
    cudaMemcpyDefault
};
enum cudaDeviceAttr { cudaDevAttrMaxThreadsPerBlock = 1, cudaDevAttrMultiProcessorCount = 16 };

// Alignments as in CUDA's vector_types.h.
struct alignas(8) int2 { int x, y; };
struct alignas(8) uint2 { unsigned x, y; };
struct alignas(16) int4 { int x, y, z, w; };
struct alignas(16) uint4 { unsigned x, y, z, w; };
struct alignas(16) double2 { double x, y; };
struct alignas(16) longlong2 { long long x, y; };
struct alignas(8) float2 { float x, y; };
inline double2 make_double2(double x, double y) { return {x, y}; }
inline int2 make_int2(int x, int y) { return {x, y}; }
inline uint4 make_uint4(unsigned x, unsigned y, unsigned z, unsigned w) { return {x, y, z, w}; }

inline const char *cudaGetErrorString(cudaError_t e) { return e == cudaSuccess ? "no error" : "emulated error"; }

// ---------------------------------------------------------------- memory and copies
template <class T> cudaError_t cudaMalloc(T **p, std::size_t bytes) {
    *p = static_cast<T *>(cuda_emu::device_alloc(bytes));
    return cudaSuccess;
}
template <class T> cudaError_t cudaMallocAsync(T **p, std::size_t bytes, cudaStream_t) { return cudaMalloc(p, bytes); }
inline cudaError_t cudaFree(void *p) {
    cuda_emu::device_free(p);
    return cudaSuccess;
}
inline cudaError_t cudaFreeAsync(void *p, cudaStream_t) { return cudaFree(p); }

inline cudaError_t cudaMemcpy(void *dst, const void *src, std::size_t bytes, cudaMemcpyKind kind) {
    const bool to_dev = kind == cudaMemcpyHostToDevice || kind == cudaMemcpyDeviceToDevice;
    const bool from_dev = kind == cudaMemcpyDeviceToHost || kind == cudaMemcpyDeviceToDevice;
    if (kind != cudaMemcpyDefault) cuda_emu::check_copy_kind(dst, src, bytes, to_dev, from_dev, "cudaMemcpy");
    if (bytes) std::memmove(dst, src, bytes);
    return cudaSuccess;
}
inline cudaError_t cudaMemcpyAsync(void *dst, const void *src, std::size_t bytes, cudaMemcpyKind kind,
                                   cudaStream_t = 0) {
    return cudaMemcpy(dst, src, bytes, kind);
}
// height rows of width bytes; each row copied (and its kind checked) on its own.
inline cudaError_t cudaMemcpy2D(void *dst, std::size_t dpitch, const void *src, std::size_t spitch, std::size_t width,
                                std::size_t height, cudaMemcpyKind kind) {
    if (width > dpitch || width > spitch) cuda_emu::fail("cudaMemcpy2D: width larger than a pitch");
    for (std::size_t r = 0; r < height; ++r)
        cudaMemcpy(static_cast<char *>(dst) + r * dpitch, static_cast<const char *>(src) + r * spitch, width, kind);
    return cudaSuccess;
}
inline cudaError_t cudaMemcpy2DAsync(void *dst, std::size_t dpitch, const void *src, std::size_t spitch,
                                     std::size_t width, std::size_t height, cudaMemcpyKind kind, cudaStream_t = 0) {
    return cudaMemcpy2D(dst, dpitch, src, spitch, width, height, kind);
}
inline cudaError_t cudaMemset(void *dst, int value, std::size_t bytes) {
    if (bytes && !cuda_emu::device_range(dst, bytes, "cudaMemset")) cuda_emu::fail("cudaMemset of host memory");
    if (bytes) std::memset(dst, value, bytes);
    return cudaSuccess;
}
inline cudaError_t cudaMemsetAsync(void *dst, int value, std::size_t bytes, cudaStream_t = 0) {
    return cudaMemset(dst, value, bytes);
}

// ---------------------------------------------------------------- device, streams, errors
inline cudaError_t cudaStreamSynchronize(cudaStream_t) { return cudaSuccess; }
inline cudaError_t cudaDeviceSynchronize() { return cudaSuccess; }
inline cudaError_t cudaGetLastError() { return cudaSuccess; }  // an invalid launch aborts instead
inline cudaError_t cudaPeekAtLastError() { return cudaSuccess; }
inline cudaError_t cudaGetDevice(int *device) {
    *device = 0;
    return cudaSuccess;
}
// A small device (EMU_SMS multiprocessors, default 4): grids sized from it stay small, so grid-stride loops
// take many turns and the emulation stays fast.
inline cudaError_t cudaDeviceGetAttribute(int *value, cudaDeviceAttr attr, int) {
    *value = attr == cudaDevAttrMultiProcessorCount ? cuda_emu::env_int("EMU_SMS", 4) : 1024;
    return cudaSuccess;
}

// ---------------------------------------------------------------- barriers and warp operations
inline void __syncthreads() { cuda_emu::barrier(cuda_emu::BarrierKind::plain, 0); }
inline int __syncthreads_count(int p) { return static_cast<int>(cuda_emu::barrier(cuda_emu::BarrierKind::count, p)); }
inline int __syncthreads_and(int p) { return static_cast<int>(cuda_emu::barrier(cuda_emu::BarrierKind::all, p)); }
inline int __syncthreads_or(int p) { return static_cast<int>(cuda_emu::barrier(cuda_emu::BarrierKind::any, p)); }
inline void __threadfence() {}  // one OS thread: every write is seen at once
inline void __threadfence_block() {}

namespace cuda_emu {
template <class T> std::uint64_t to_bits(T v) {
    static_assert(sizeof(T) <= 8 && std::is_trivially_copyable<T>::value, "a warp shuffle moves at most 8 bytes");
    std::uint64_t b = 0;
    std::memcpy(&b, &v, sizeof v);
    return b;
}
template <class T> T from_bits(std::uint64_t b) {
    T v;
    std::memcpy(&v, &b, sizeof v);
    return v;
}
}  // namespace cuda_emu

template <class T> T __shfl_sync(unsigned mask, T v, int src, int width = warpSize) {
    return cuda_emu::from_bits<T>(cuda_emu::warp_op(cuda_emu::WarpOp::shfl, mask, cuda_emu::to_bits(v), src, width));
}
template <class T> T __shfl_up_sync(unsigned mask, T v, unsigned delta, int width = warpSize) {
    return cuda_emu::from_bits<T>(cuda_emu::warp_op(cuda_emu::WarpOp::shfl_up, mask, cuda_emu::to_bits(v), delta, width));
}
template <class T> T __shfl_down_sync(unsigned mask, T v, unsigned delta, int width = warpSize) {
    return cuda_emu::from_bits<T>(
        cuda_emu::warp_op(cuda_emu::WarpOp::shfl_down, mask, cuda_emu::to_bits(v), delta, width));
}
template <class T> T __shfl_xor_sync(unsigned mask, T v, int lane_mask, int width = warpSize) {
    return cuda_emu::from_bits<T>(
        cuda_emu::warp_op(cuda_emu::WarpOp::shfl_xor, mask, cuda_emu::to_bits(v), lane_mask, width));
}
inline unsigned __ballot_sync(unsigned mask, int p) {
    return static_cast<unsigned>(cuda_emu::warp_op(cuda_emu::WarpOp::ballot, mask, p != 0, 0, warpSize));
}
inline int __any_sync(unsigned mask, int p) {
    return static_cast<int>(cuda_emu::warp_op(cuda_emu::WarpOp::any, mask, p != 0, 0, warpSize));
}
inline int __all_sync(unsigned mask, int p) {
    return static_cast<int>(cuda_emu::warp_op(cuda_emu::WarpOp::all, mask, p != 0, 0, warpSize));
}
template <class T> unsigned __match_any_sync(unsigned mask, T v) {
    return static_cast<unsigned>(cuda_emu::warp_op(cuda_emu::WarpOp::match_any, mask, cuda_emu::to_bits(v), 0, warpSize));
}
inline void __syncwarp(unsigned mask = 0xffffffffu) { cuda_emu::warp_op(cuda_emu::WarpOp::syncwarp, mask, 0, 0, warpSize); }

// ---------------------------------------------------------------- atomics
// A fiber is never interrupted between two statements of its own, so plain read-modify-writes are atomic.
template <class T, class U> T atomicAdd(T *p, U v) { T old = *p; *p = static_cast<T>(old + static_cast<T>(v)); return old; }
template <class T, class U> T atomicSub(T *p, U v) { T old = *p; *p = static_cast<T>(old - static_cast<T>(v)); return old; }
template <class T, class U> T atomicMin(T *p, U v) { T old = *p; if (static_cast<T>(v) < old) *p = static_cast<T>(v); return old; }
template <class T, class U> T atomicMax(T *p, U v) { T old = *p; if (old < static_cast<T>(v)) *p = static_cast<T>(v); return old; }
template <class T, class U> T atomicExch(T *p, U v) { T old = *p; *p = static_cast<T>(v); return old; }
template <class T, class U> T atomicOr(T *p, U v) { T old = *p; *p = old | static_cast<T>(v); return old; }
template <class T, class U> T atomicAnd(T *p, U v) { T old = *p; *p = old & static_cast<T>(v); return old; }
template <class T, class U> T atomicXor(T *p, U v) { T old = *p; *p = old ^ static_cast<T>(v); return old; }
template <class T, class U, class V> T atomicCAS(T *p, U compare, V v) {
    T old = *p;
    if (old == static_cast<T>(compare)) *p = static_cast<T>(v);
    return old;
}

// ---------------------------------------------------------------- loads, bits, arithmetic
template <class T> T __ldg(const T *p) { return *p; }
template <class T> T __ldcg(const T *p) { return *p; }
template <class T> void __stcg(T *p, T v) { *p = v; }
inline int __popc(unsigned x) { return __builtin_popcount(x); }
inline int __popcll(unsigned long long x) { return __builtin_popcountll(x); }
inline int __ffs(int x) { return __builtin_ffs(x); }
inline int __ffsll(long long x) { return __builtin_ffsll(x); }
inline int __clz(int x) { return x ? __builtin_clz(static_cast<unsigned>(x)) : 32; }
inline int __clzll(long long x) { return x ? __builtin_clzll(static_cast<unsigned long long>(x)) : 64; }
inline unsigned __brev(unsigned x) {
    unsigned r = 0;
    for (int i = 0; i < 32; ++i) r |= (x >> i & 1u) << (31 - i);
    return r;
}
inline unsigned long long __brevll(unsigned long long x) {
    return static_cast<unsigned long long>(__brev(static_cast<unsigned>(x))) << 32 | __brev(static_cast<unsigned>(x >> 32));
}
inline long long __double_as_longlong(double d) { return cuda_emu::from_bits<long long>(cuda_emu::to_bits(d)); }
inline double __longlong_as_double(long long b) { return cuda_emu::from_bits<double>(static_cast<std::uint64_t>(b)); }
// Round-to-nearest arithmetic that the compiler may not fuse; the tool builds with -ffp-contract=off anyway.
inline double __dadd_rn(double a, double b) { return a + b; }
inline double __dsub_rn(double a, double b) { return a - b; }
inline double __dmul_rn(double a, double b) { return a * b; }
inline double __ddiv_rn(double a, double b) { return a / b; }
inline double __fma_rn(double a, double b, double c) { return std::fma(a, b, c); }
inline void __nanosleep(unsigned) {}

// sin and cos of pi x with exact argument reduction: x = q / 2 + r with |r| <= 1/4 (both steps exact), then
// the quadrant q mod 4 picks the sign and which of sin / cos. Close to CUDA's, not bit-identical.
inline void sincospi(double x, double *s, double *c) {
    const double q = std::nearbyint(2.0 * x);
    const double r = x - 0.5 * q;
    const double sr = std::sin(M_PI * r), cr = std::cos(M_PI * r);
    switch ((static_cast<long long>(std::fmod(q, 4.0)) + 4) % 4) {
        case 0: *s = sr; *c = cr; break;
        case 1: *s = cr; *c = -sr; break;
        case 2: *s = -sr; *c = -cr; break;
        default: *s = -cr; *c = sr; break;
    }
}
inline double sinpi(double x) { double s, c; sincospi(x, &s, &c); return s; }
inline double cospi(double x) { double s, c; sincospi(x, &s, &c); return c; }

// CUDA's global min / max take mixed arithmetic types (usual arithmetic conversions).
template <class A, class B, class = std::enable_if_t<std::is_arithmetic<A>::value && std::is_arithmetic<B>::value>>
constexpr std::common_type_t<A, B> min(A a, B b) {
    return static_cast<std::common_type_t<A, B>>(b) < static_cast<std::common_type_t<A, B>>(a) ? b : a;
}
template <class A, class B, class = std::enable_if_t<std::is_arithmetic<A>::value && std::is_arithmetic<B>::value>>
constexpr std::common_type_t<A, B> max(A a, B b) {
    return static_cast<std::common_type_t<A, B>>(a) < static_cast<std::common_type_t<A, B>>(b) ? b : a;
}

#endif  // CUDA_EMU_CUDA_RUNTIME_H
