// cuda_emu_core.h -- the engine of the CPU emulation of CUDA (see README.md): device memory, the
// cooperative scheduler that runs one kernel launch, __syncthreads and the warp-level operations.
//
// Everything runs on one OS thread. A launch runs its blocks one after another; inside a block each CUDA
// thread is a fiber (ucontext) that runs until it finishes or reaches a block barrier or a warp operation,
// where it waits for the others. With a nonzero EMU_SEED the order of the blocks and, at every round, of
// the runnable threads is shuffled, so code that silently relies on an order fails.
// Included by cuda_runtime.h only; the converted reference is the one translation unit that includes it.
#ifndef CUDA_EMU_CORE_H
#define CUDA_EMU_CORE_H

#include <sys/mman.h>
#include <ucontext.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <map>
#include <random>
#include <vector>

struct uint3 {
    unsigned x, y, z;
};
struct dim3 {
    unsigned x, y, z;
    constexpr dim3(unsigned x_ = 1, unsigned y_ = 1, unsigned z_ = 1) : x(x_), y(y_), z(z_) {}
};

// The built-in variables of device code: set before a fiber resumes, so each thread sees its own.
inline uint3 threadIdx, blockIdx;
inline dim3 blockDim, gridDim;
constexpr int warpSize = 32;

// Every __shared__ variable lives in this linker section (see cuda_runtime.h), so that the whole of it can be
// filled with junk before each block; the linker defines the bounds of a section named like an identifier.
extern "C" char __start_cuda_emu_shared[] __attribute__((weak));
extern "C" char __stop_cuda_emu_shared[] __attribute__((weak));

namespace cuda_emu {

[[noreturn]] inline void fail(const char *what) {
    std::fprintf(stderr, "cuda_emu error: %s\n", what);
    std::fflush(stderr);
    std::abort();
}

template <class... A> [[noreturn]] void failf(const char *fmt, A... args) {
    char buf[512];
    std::snprintf(buf, sizeof buf, fmt, args...);
    fail(buf);
}

inline int env_int(const char *name, int fallback) {
    const char *v = std::getenv(name);
    return v && *v ? std::atoi(v) : fallback;
}

// The byte that fills fresh device memory and every block's shared memory (EMU_POISON, default 0xFF: a double
// NaN, an int -1), so that reading what was never written shows.
inline unsigned char poison_byte() {
    static const unsigned char byte = static_cast<unsigned char>(env_int("EMU_POISON", 0xFF));
    return byte;
}

// ---------------------------------------------------------------- device memory
// Each allocation gets its own mapping and ends right before an inaccessible page, so a write or read past the
// end faults at once; freed memory is unmapped, so a use after free faults too.
struct Allocation {
    char *map;
    std::size_t map_len;
    std::size_t bytes;
};

inline std::map<const char *, Allocation> allocations;  // by start address

inline void *device_alloc(std::size_t bytes) {
    const std::size_t page = 4096;
    // No slack when the size is a multiple of 8 (the start then keeps the alignment of any element type the
    // size is a multiple of); odd sizes are rounded up to 8 so the start stays 8-aligned.
    const std::size_t used = bytes % 8 == 0 ? bytes : (bytes + 7) / 8 * 8;
    const std::size_t data_pages = (used + page - 1) / page;
    const std::size_t map_len = (data_pages + 1) * page;
    void *m = mmap(nullptr, map_len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) failf("cudaMalloc of %zu bytes: out of host memory", bytes);
    char *map = static_cast<char *>(m);
    if (mprotect(map + data_pages * page, page, PROT_NONE) != 0) fail("mprotect of a guard page failed");
    char *start = map + data_pages * page - used;
    std::memset(start, poison_byte(), used);
    allocations[start] = Allocation{map, map_len, bytes};
    return start;
}

inline void device_free(void *p) {
    if (!p) return;
    const auto it = allocations.find(static_cast<const char *>(p));
    if (it == allocations.end()) failf("cudaFree of %p, which is not the start of a live device allocation", p);
    munmap(it->second.map, it->second.map_len);
    allocations.erase(it);
}

// The allocation holding [p, p + bytes), or nullptr when p is not device memory; a range that starts in an
// allocation but runs past its end is an error.
inline const Allocation *device_range(const void *p, std::size_t bytes, const char *what) {
    const char *c = static_cast<const char *>(p);
    auto it = allocations.upper_bound(c);
    if (it == allocations.begin()) return nullptr;
    --it;
    if (c != it->first && c >= it->first + it->second.bytes) return nullptr;  // past this allocation: host memory
    if (static_cast<std::size_t>(c - it->first) + bytes > it->second.bytes)
        failf("%s: %zu bytes at offset %zu run past the end of a %zu-byte device allocation", what, bytes,
              static_cast<std::size_t>(c - it->first), it->second.bytes);
    return &it->second;
}

// A copy must read and write device memory exactly where its kind says so.
inline void check_copy_kind(void *dst, const void *src, std::size_t bytes, bool dst_device, bool src_device,
                            const char *what) {
    if (bytes == 0) return;
    if ((device_range(dst, bytes, what) != nullptr) != dst_device)
        failf("%s: the destination %s device memory", what, dst_device ? "is not" : "is");
    if ((device_range(src, bytes, what) != nullptr) != src_device)
        failf("%s: the source %s device memory", what, src_device ? "is not" : "is");
}

// ---------------------------------------------------------------- fibers
enum class State { runnable, at_barrier, at_warp_op, done };

struct Fiber {
    ucontext_t ctx;
    State state = State::done;
};

// One warp's rendezvous: the lanes of `mask` each bring a value; the last to arrive computes every lane's result.
enum class WarpOp { shfl, shfl_up, shfl_down, shfl_xor, ballot, any, all, match_any, syncwarp };

struct WarpRendezvous {
    unsigned arrived = 0;  // lanes waiting, a bit each
    WarpOp op = WarpOp::syncwarp;
    unsigned mask = 0;
    int width = 32;
    std::uint64_t value[32] = {};
    long long arg[32] = {};
    std::uint64_t result[32] = {};
};

struct Block {
    std::vector<Fiber> fibers;
    unsigned threads = 0;
    unsigned current = 0;  // the fiber now running
    ucontext_t scheduler;
    // __syncthreads: the arrivals of the current barrier and the reductions of __syncthreads_count/_and/_or
    unsigned barrier_arrived = 0;
    long long barrier_count = 0;
    bool barrier_warned = false;
    long long barrier_result = 0;  // the count of the barrier just released, and how many threads it held
    long long barrier_live = 0;
    std::vector<WarpRendezvous> warps;
    std::vector<unsigned char> dynamic_shared;  // extern __shared__, sized by the launch
};

inline Block block;
inline std::vector<char *> stacks;                // one per thread slot, reused by every launch
constexpr std::size_t stack_bytes = 512 * 1024;   // reserved lazily (MAP_NORESERVE); a guard page below
inline void (*kernel_body)(void *) = nullptr;     // the launch's lambda, behind a plain function pointer
inline void *kernel_closure = nullptr;
inline std::mt19937_64 rng;
inline bool shuffled = false;
inline unsigned long long launches = 0;

inline void set_thread_index(unsigned t) {
    threadIdx.x = t % blockDim.x;
    threadIdx.y = t / blockDim.x % blockDim.y;
    threadIdx.z = t / (blockDim.x * blockDim.y);
}

// Back to the scheduler; on return this fiber runs again and its built-in index is restored.
inline void park(State why) {
    const unsigned me = block.current;
    block.fibers[me].state = why;
    swapcontext(&block.fibers[me].ctx, &block.scheduler);
    block.current = me;
    set_thread_index(me);
}

inline void fiber_main() {
    kernel_body(kernel_closure);
    block.fibers[block.current].state = State::done;
    swapcontext(&block.fibers[block.current].ctx, &block.scheduler);
}

inline unsigned alive_threads() {
    unsigned n = 0;
    for (const Fiber &f : block.fibers) n += f.state != State::done;
    return n;
}

// ---------------------------------------------------------------- __syncthreads and friends
enum class BarrierKind { plain, count, all, any };

// Waits until every thread of the block that has not exited arrives; returns the count of nonzero predicates
// (or whether all / any of them were nonzero). Threads that exited before the barrier do not hold it up, as on
// sm_70 and later; that is reported once per launch as a warning, since it is easy to get wrong.
inline long long barrier(BarrierKind kind, int predicate) {
    ++block.barrier_arrived;
    block.barrier_count += predicate != 0;
    park(State::at_barrier);
    switch (kind) {
        case BarrierKind::count: return block.barrier_result;
        case BarrierKind::all: return block.barrier_result == block.barrier_live;
        case BarrierKind::any: return block.barrier_result != 0;
        default: return 0;
    }
}

// The scheduler's side: once every live thread waits at the barrier, all of them go on.
inline bool release_barrier() {
    const unsigned alive = alive_threads();
    if (block.barrier_arrived == 0 || block.barrier_arrived != alive) return false;
    if (alive != block.threads && !block.barrier_warned) {
        block.barrier_warned = true;
        std::fprintf(stderr, "cuda_emu warning: __syncthreads reached with %u of %u threads exited (block %u,%u,%u)\n",
                     block.threads - alive, block.threads, blockIdx.x, blockIdx.y, blockIdx.z);
    }
    block.barrier_result = block.barrier_count;
    block.barrier_live = alive;
    block.barrier_arrived = 0;
    block.barrier_count = 0;
    for (Fiber &f : block.fibers)
        if (f.state == State::at_barrier) f.state = State::runnable;
    return true;
}

// ---------------------------------------------------------------- warp operations
inline unsigned source_lane(WarpOp op, unsigned lane, long long arg, int width) {
    const unsigned w = static_cast<unsigned>(width);
    const unsigned base = lane & ~(w - 1);  // first lane of this lane's width-segment
    switch (op) {
        case WarpOp::shfl: return base + (static_cast<unsigned>(arg) & (w - 1));
        case WarpOp::shfl_up: return lane - base >= static_cast<unsigned long long>(arg) ? lane - arg : lane;
        case WarpOp::shfl_down: return (lane - base) + static_cast<unsigned long long>(arg) < w ? lane + arg : lane;
        case WarpOp::shfl_xor: {
            // a later segment is out of reach (own value); an earlier one may be read
            const unsigned src = lane ^ static_cast<unsigned>(arg);
            return src >= base + w ? lane : src;
        }
        default: return lane;
    }
}

inline void complete_warp_op(WarpRendezvous &w) {
    unsigned votes = 0;
    for (unsigned l = 0; l < 32; ++l)
        if (w.mask >> l & 1 && w.value[l]) votes |= 1u << l;
    for (unsigned l = 0; l < 32; ++l) {
        if (!(w.mask >> l & 1)) continue;
        switch (w.op) {
            case WarpOp::shfl:
            case WarpOp::shfl_up:
            case WarpOp::shfl_down:
            case WarpOp::shfl_xor: {
                const unsigned src = source_lane(w.op, l, w.arg[l], w.width);
                if (src >= 32 || !(w.mask >> src & 1))
                    failf("warp shuffle: lane %u reads lane %u, which is not in the mask %08x", l, src, w.mask);
                w.result[l] = w.value[src];
                break;
            }
            case WarpOp::ballot: w.result[l] = votes; break;
            case WarpOp::any: w.result[l] = votes != 0; break;
            case WarpOp::all: w.result[l] = votes == w.mask; break;
            case WarpOp::match_any: {
                unsigned same = 0;
                for (unsigned q = 0; q < 32; ++q)
                    if (w.mask >> q & 1 && w.value[q] == w.value[l]) same |= 1u << q;
                w.result[l] = same;
                break;
            }
            case WarpOp::syncwarp: w.result[l] = 0; break;
        }
    }
    w.arrived = 0;
}

// Every lane of `mask` must call the same operation (with the same mask and width); the caller's lane must be
// in the mask and no lane of it may have exited. The last lane to arrive completes the operation.
inline std::uint64_t warp_op(WarpOp op, unsigned mask, std::uint64_t value, long long arg, int width) {
    const unsigned me = block.current, warp = me / 32, lane = me % 32;
    if (width <= 0 || width > 32 || (width & (width - 1)) != 0) failf("warp operation with width %d", width);
    if (!(mask >> lane & 1)) failf("lane %u calls a warp operation with mask %08x, which leaves it out", lane, mask);
    for (unsigned l = 0; l < 32; ++l) {
        if (!(mask >> l & 1)) continue;
        const unsigned t = warp * 32 + l;
        if (t >= block.threads) failf("warp operation mask %08x names lane %u beyond the block's %u threads", mask, l,
                                      block.threads);
        if (block.fibers[t].state == State::done)
            failf("warp operation mask %08x names lane %u, which has exited (block %u, warp %u)", mask, l, blockIdx.x,
                  warp);
    }
    WarpRendezvous &w = block.warps[warp];
    if (w.arrived == 0) {
        w.op = op;
        w.mask = mask;
        w.width = width;
    } else if (w.op != op || w.mask != mask || w.width != width) {
        failf("lanes of warp %u meet at different warp operations (op %d mask %08x width %d, then op %d mask %08x "
              "width %d)", warp, static_cast<int>(w.op), w.mask, w.width, static_cast<int>(op), mask, width);
    }
    w.value[lane] = value;
    w.arg[lane] = arg;
    w.arrived |= 1u << lane;
    if (w.arrived == mask) {
        complete_warp_op(w);
        for (unsigned l = 0; l < 32; ++l)
            if (mask >> l & 1 && l != lane) block.fibers[warp * 32 + l].state = State::runnable;
    } else {
        park(State::at_warp_op);
    }
    return block.warps[warp].result[lane];
}

// ---------------------------------------------------------------- launch
inline void check_launch(dim3 grid, dim3 threads, std::size_t shared) {
    const unsigned long long n = 1ull * threads.x * threads.y * threads.z;
    if (grid.x == 0 || grid.y == 0 || grid.z == 0 || grid.x > 0x7fffffffu || grid.y > 65535 || grid.z > 65535 ||
        n == 0 || n > 1024 || threads.x > 1024 || threads.y > 1024 || threads.z > 64 || shared > 48 * 1024)
        failf("invalid launch configuration: grid (%u,%u,%u), block (%u,%u,%u), %zu bytes of dynamic shared memory",
              grid.x, grid.y, grid.z, threads.x, threads.y, threads.z, shared);
}

inline void start_fiber(unsigned t) {
    while (stacks.size() <= t) {
        void *m = mmap(nullptr, stack_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (m == MAP_FAILED) fail("no memory for a fiber stack");
        mprotect(m, 4096, PROT_NONE);  // a stack overflow faults instead of running into the next stack
        stacks.push_back(static_cast<char *>(m));
    }
    Fiber &f = block.fibers[t];
    getcontext(&f.ctx);
    f.ctx.uc_stack.ss_sp = stacks[t];
    f.ctx.uc_stack.ss_size = stack_bytes;
    f.ctx.uc_link = nullptr;
    makecontext(&f.ctx, fiber_main, 0);
    f.state = State::runnable;
}

// Runs one block to the end: rounds over the runnable threads until all have exited.
inline void run_block(std::vector<unsigned> &order) {
    const unsigned n = block.threads;
    if (__start_cuda_emu_shared != __stop_cuda_emu_shared)
        std::memset(__start_cuda_emu_shared, poison_byte(), __stop_cuda_emu_shared - __start_cuda_emu_shared);
    std::fill(block.dynamic_shared.begin(), block.dynamic_shared.end(), poison_byte());
    block.barrier_arrived = 0;
    block.barrier_count = 0;
    for (WarpRendezvous &w : block.warps) w.arrived = 0;
    for (unsigned t = 0; t < n; ++t) start_fiber(t);
    unsigned done = 0;
    while (done < n) {
        if (shuffled) std::shuffle(order.begin(), order.end(), rng);
        bool ran = false;
        for (const unsigned t : order) {
            Fiber &f = block.fibers[t];
            if (f.state != State::runnable) continue;
            ran = true;
            block.current = t;
            set_thread_index(t);
            swapcontext(&block.scheduler, &f.ctx);
            if (f.state == State::done) ++done;
        }
        if (release_barrier() || ran || done == n) continue;
        unsigned at_barrier = 0, at_warp = 0;
        for (const Fiber &f : block.fibers) {
            at_barrier += f.state == State::at_barrier;
            at_warp += f.state == State::at_warp_op;
        }
        failf("deadlock in block (%u,%u,%u): %u threads wait at __syncthreads, %u at warp operations, %u exited",
              blockIdx.x, blockIdx.y, blockIdx.z, at_barrier, at_warp, done);
    }
}

// Reads EMU_SEED once: nonzero shuffles the order of blocks and threads with that seed.
inline void init_order() {
    static const bool once = [] {
        const char *s = std::getenv("EMU_SEED");
        shuffled = s && std::strtoull(s, nullptr, 10) != 0;
        if (shuffled) rng.seed(std::strtoull(s, nullptr, 10));
        return true;
    }();
    (void)once;
}

// kernel<<<grid, threads, shared>>>(args) becomes launch(grid, threads, shared, [=] { kernel(args); }).
template <class Body> void launch(dim3 grid, dim3 threads, std::size_t shared, Body body) {
    init_order();
    check_launch(grid, threads, shared);
    ++launches;
    kernel_closure = &body;
    kernel_body = [](void *c) { (*static_cast<Body *>(c))(); };
    gridDim = grid;
    blockDim = threads;
    block.threads = threads.x * threads.y * threads.z;
    block.fibers.assign(block.threads, Fiber());
    block.warps.assign((block.threads + 31) / 32, WarpRendezvous());
    block.dynamic_shared.assign(shared, 0);
    block.barrier_warned = false;
    std::vector<unsigned> order(block.threads);
    for (unsigned t = 0; t < block.threads; ++t) order[t] = t;
    const unsigned long long blocks = 1ull * grid.x * grid.y * grid.z;
    std::vector<unsigned long long> block_order;
    if (shuffled) {  // blocks are independent: any order must do
        block_order.resize(blocks);
        for (unsigned long long b = 0; b < blocks; ++b) block_order[b] = b;
        std::shuffle(block_order.begin(), block_order.end(), rng);
    }
    for (unsigned long long i = 0; i < blocks; ++i) {
        const unsigned long long b = shuffled ? block_order[i] : i;
        blockIdx.x = static_cast<unsigned>(b % grid.x);
        blockIdx.y = static_cast<unsigned>(b / grid.x % grid.y);
        blockIdx.z = static_cast<unsigned>(b / (1ull * grid.x * grid.y));
        run_block(order);
    }
}

}  // namespace cuda_emu

// For the emulation driver (driver/hpceval_driver.hpp), which does not include this header: how many device
// allocations are live. Weak, so that it may be defined in several translation units.
extern "C" __attribute__((weak)) std::size_t cuda_emu_live_allocations() { return cuda_emu::allocations.size(); }

#endif  // CUDA_EMU_CORE_H
