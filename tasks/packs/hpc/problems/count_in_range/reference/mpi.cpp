// MPI reference of count_in_range: every rank counts one contiguous block (sizes differ by at most
// one) with the serial reference's branch-free vectorized kernel (one unsigned compare of the
// offset from lo, 32-bit chunk counts), and MPI_Reduce adds the counts on rank 0 (the other ranks
// return their own count, which is ignored).
#include <mpi.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

// Block [lo, hi) of n items owned by `rank` out of `size` ranks (sizes differ by at most one).
void block_range(std::size_t n, int rank, int size, std::size_t &lo, std::size_t &hi) {
    const std::size_t p = static_cast<std::size_t>(size), r = static_cast<std::size_t>(rank);
    const std::size_t base = n / p, extra = n % p;
    lo = r * base + (r < extra ? r : extra);
    hi = lo + base + (r < extra ? 1 : 0);
}

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
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    std::size_t a = 0, b = 0;
    block_range(x.size(), rank, size, a, b);
    const std::int32_t *xp = x.data();
    const std::int64_t local = count_range(xp, a, b, lo, hi);
    if (size == 1) return local;
    std::int64_t total = 0;
    MPI_Reduce(&local, &total, 1, MPI_INT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
    return rank == 0 ? total : local;
}
