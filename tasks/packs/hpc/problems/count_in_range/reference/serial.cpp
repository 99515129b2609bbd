// Serial reference of count_in_range: branch-free and vectorized. The two compares become one
// unsigned compare of the offset from lo (no misprediction, whatever the fraction in range), and
// counts of 65536-element chunks are kept in 32 bits so the compiler vectorizes the loop.
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
    return count_range(x.data(), 0, x.size(), lo, hi);
}
