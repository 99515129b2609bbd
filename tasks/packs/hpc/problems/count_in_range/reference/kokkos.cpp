// Kokkos reference of count_in_range: a parallel_reduce (sum) over blocks of 65536 elements, each counted with one branch-free unsigned compare of the offset from lo (vectorized, 32-bit block counts).
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr std::size_t BLOCK = 1 << 16;  // a 32-bit count of one block cannot overflow

// Elements of x[a, b) in [lo, hi], lo <= hi: v is inside exactly when uint32(v) - uint32(lo) <=
// uint32(hi) - uint32(lo) in wrapping arithmetic (no overflow, no branch; the loop vectorizes).
inline std::uint32_t count_block(const std::int32_t *__restrict x, std::size_t a, std::size_t b, std::uint32_t base,
                                 std::uint32_t span) {
    std::uint32_t c = 0;
    for (std::size_t i = a; i < b; ++i) c += (static_cast<std::uint32_t>(x[i]) - base) <= span;
    return c;
}

}  // namespace

int64_t count_in_range(const std::vector<int32_t> &x, int32_t lo, int32_t hi) {
    if (lo > hi) return 0;
    const std::size_t n = x.size();
    const std::int32_t *xp = x.data();
    const std::uint32_t base = static_cast<std::uint32_t>(lo);
    const std::uint32_t span = static_cast<std::uint32_t>(hi) - base;
    const std::size_t blocks = (n + BLOCK - 1) / BLOCK;
    std::int64_t total = 0;
    if (n <= 100000) {
        for (std::size_t k = 0; k < blocks; ++k)
            total += count_block(xp, k * BLOCK, n - k * BLOCK < BLOCK ? n : k * BLOCK + BLOCK, base, span);
        return total;
    }
    Kokkos::parallel_reduce(
        "count_in_range", Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>(0, blocks),
        KOKKOS_LAMBDA(const std::size_t k, std::int64_t &acc) {
            const std::size_t a = k * BLOCK;
            acc += count_block(xp, a, n - a < BLOCK ? n : a + BLOCK, base, span);
        },
        total);
    return total;
}
