// OpenMP reference of hist_digits: the values are split statically over the threads (equal work
// per value); every thread finds leading digits without a division loop (digit count from the bit
// length and one comparison with a power of ten, then eight branch-free comparisons with the
// thresholds d * 10^(k-1)) and counts into private counters, combined with an OpenMP array
// reduction.
#include <omp.h>

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

inline unsigned leading_digit(std::uint64_t v, const Tables &t) {
    const unsigned bits = 64 - static_cast<unsigned>(__builtin_clzll(v));
    unsigned k = t.digits_of_bits[bits];  // 1..19
    k += v >= t.pow10[k] ? 1 : 0;         // now the digit count of v, 1..20
    const std::uint64_t *row = t.last[k];
    unsigned d = 1;
    for (int j = 0; j < 8; ++j) d += v > row[j] ? 1 : 0;
    return d;
}

}  // namespace

void hist_digits(const std::vector<uint64_t> &values, std::vector<int64_t> &counts) {
    Tables t;
    build(t);
    const std::size_t n = values.size();
    const std::uint64_t *__restrict v = values.data();
    std::int64_t c[10] = {};
#pragma omp parallel reduction(+ : c[:10]) if (n > 20000)
    {
        const std::size_t th = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        const std::size_t lo = n * th / nt, hi = n * (th + 1) / nt;
        std::int64_t c0[10] = {}, c1[10] = {};
        std::size_t i = lo;
        for (; i + 2 <= hi; i += 2) {
            ++c0[leading_digit(v[i], t)];
            ++c1[leading_digit(v[i + 1], t)];
        }
        for (; i < hi; ++i) ++c0[leading_digit(v[i], t)];
        for (int d = 0; d < 10; ++d) c[d] += c0[d] + c1[d];
    }
    for (int d = 1; d <= 9; ++d) counts[d - 1] = c[d];
}
