// OpenMP reference of count_in_range: one contiguous range per thread, counted with the serial
// reference's branch-free vectorized kernel (one unsigned compare of the offset from lo, 32-bit
// chunk counts), the thread counts added by an OpenMP reduction.
#include <omp.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr std::size_t CHUNK = 1 << 16;  // a 32-bit count of one chunk cannot overflow

// How many x[i], i in [a, b), lie in [lo, hi]. For lo <= hi, lo <= v <= hi exactly when
// uint32(v) - uint32(lo) <= uint32(hi) - uint32(lo) in wrapping unsigned arithmetic: one compare,
// no branch, no overflow. Each chunk counts in 32 bits, so the loop vectorizes (four elements
// per SSE2 compare), and chunk counts go into a 64-bit total.
std::int64_t count_range(const std::int32_t *__restrict x, std::size_t a, std::size_t b, std::int32_t lo,
                         std::int32_t hi) {
    if (lo > hi) return 0;
    const std::uint32_t base = static_cast<std::uint32_t>(lo);
    const std::uint32_t span = static_cast<std::uint32_t>(hi) - base;
    std::int64_t total = 0;
    for (std::size_t c = a; c < b; c += CHUNK) {
        const std::size_t e = b - c < CHUNK ? b : c + CHUNK;
        std::uint32_t count = 0;
        for (std::size_t i = c; i < e; ++i) count += (static_cast<std::uint32_t>(x[i]) - base) <= span;
        total += count;
    }
    return total;
}

}  // namespace

int64_t count_in_range(const std::vector<int32_t> &x, int32_t lo, int32_t hi) {
    const std::size_t n = x.size();
    const std::int32_t *xp = x.data();
    std::int64_t total = 0;
#pragma omp parallel reduction(+ : total) if (n > 100000)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        total += count_range(xp, n * t / nt, n * (t + 1) / nt, lo, hi);
    }
    return total;
}
