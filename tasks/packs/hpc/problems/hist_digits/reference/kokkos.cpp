// Kokkos reference of hist_digits: a parallel_reduce with a 10-counter array reduction over one block of values per thread; leading digits from the bit length and branch-free comparisons with d * 10^(k-1).
// No division loop: the bit length gives the digit count up to one, a comparison with a power of
// ten fixes it, and eight branch-free comparisons with the thresholds d * 10^(k-1) give the digit.
// Each block counts into two interleaved local counter sets; the array reduction adds the blocks'
// counters. Small inputs run serially.
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

struct Tables {
    std::uint64_t pow10[20];      // 10^k, k = 0..19
    unsigned digits_of_bits[65];  // decimal digits of 2^(b-1), the smallest number of bit length b
    std::uint64_t last[21][8];    // last[k][d-2] = d * 10^(k-1) - 1 (the largest k-digit number below
                                  // d * 10^(k-1)), or 2^64 - 1 where d * 10^(k-1) does not fit
};

void build(Tables &t) {
    t.pow10[0] = 1;
    for (int k = 1; k < 20; ++k) t.pow10[k] = t.pow10[k - 1] * 10;
    t.digits_of_bits[0] = 1;
    for (int b = 1; b <= 64; ++b) {
        const std::uint64_t smallest = std::uint64_t(1) << (b - 1);
        unsigned k = 1;
        while (k < 20 && smallest >= t.pow10[k]) ++k;
        t.digits_of_bits[b] = k;
    }
    for (int k = 0; k <= 20; ++k)
        for (int d = 2; d <= 9; ++d)
            t.last[k][d - 2] = (k >= 1 && k <= 19) ? static_cast<std::uint64_t>(d) * t.pow10[k - 1] - 1
                                                   : ~std::uint64_t(0);
}

KOKKOS_INLINE_FUNCTION unsigned leading_digit(std::uint64_t v, const Tables &t) {
    const unsigned bits = 64 - static_cast<unsigned>(__builtin_clzll(v));
    unsigned k = t.digits_of_bits[bits];  // 1..19
    k += v >= t.pow10[k] ? 1 : 0;         // now the digit count of v, 1..20
    const std::uint64_t *row = t.last[k];
    unsigned d = 1;
    for (int j = 0; j < 8; ++j) d += v > row[j] ? 1 : 0;
    return d;
}

// Adds the digit counts of v[lo, hi) to c[1..9] (c[0] unused).
KOKKOS_INLINE_FUNCTION void count_block(const std::uint64_t *__restrict v, std::size_t lo, std::size_t hi,
                                        const Tables &t, std::int64_t *c) {
    std::int64_t c0[10] = {}, c1[10] = {};
    std::size_t i = lo;
    for (; i + 2 <= hi; i += 2) {
        ++c0[leading_digit(v[i], t)];
        ++c1[leading_digit(v[i + 1], t)];
    }
    for (; i < hi; ++i) ++c0[leading_digit(v[i], t)];
    for (int d = 0; d < 10; ++d) c[d] += c0[d] + c1[d];
}

// Array reduction over blocks: every block adds its ten counters into the thread's partial result.
struct DigitBlocks {
    using value_type = std::int64_t[];
    unsigned value_count = 10;
    const std::uint64_t *v;
    std::size_t n, blocks;
    Tables t;
    KOKKOS_INLINE_FUNCTION void operator()(const std::size_t b, value_type c) const {
        count_block(v, n * b / blocks, n * (b + 1) / blocks, t, c);
    }
    KOKKOS_INLINE_FUNCTION void init(value_type c) const {
        for (unsigned d = 0; d < value_count; ++d) c[d] = 0;
    }
    KOKKOS_INLINE_FUNCTION void join(volatile std::int64_t *dst, const volatile std::int64_t *src) const {
        for (unsigned d = 0; d < value_count; ++d) dst[d] += src[d];
    }
};

}  // namespace

void hist_digits(const std::vector<uint64_t> &values, std::vector<int64_t> &counts) {
    DigitBlocks f;
    build(f.t);
    f.v = values.data();
    f.n = values.size();
    const int conc = Kokkos::DefaultHostExecutionSpace::concurrency();
    f.blocks = conc > 0 ? static_cast<std::size_t>(conc) : 1;
    std::int64_t c[10] = {};
    if (f.n <= 20000)  // small input: parallel overhead would dominate
        count_block(f.v, 0, f.n, f.t, c);
    else
        Kokkos::parallel_reduce("hist_digits", Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>(0, f.blocks),
                                f, c);
    for (int d = 1; d <= 9; ++d) counts[d - 1] = c[d];
}
