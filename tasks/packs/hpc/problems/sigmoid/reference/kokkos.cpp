// Kokkos reference of sigmoid: a parallel_for over blocks of 256 elements, each block a vectorized branch-free kernel (exp by Cody-Waite reduction and a polynomial).
#include <Kokkos_Core.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace {

constexpr std::size_t BLOCK = 256;

inline double bits_to_double(std::uint64_t u) {
    double d;
    std::memcpy(&d, &u, sizeof d);
    return d;
}
inline std::uint64_t double_to_bits(double d) {
    std::uint64_t u;
    std::memcpy(&u, &d, sizeof u);
    return u;
}

// out[j] = sigmoid(scale * in[j] + shift) for j < len <= BLOCK; exp(-|t|) only, so nothing overflows.
void block_kernel(const double *__restrict in, double scale, double shift, double *__restrict out, std::size_t len) {
    double t[BLOCK], a[BLOCK];
    for (std::size_t j = 0; j < len; ++j) {
        t[j] = scale * in[j] + shift;
        const double m = std::fabs(t[j]);
        a[j] = m > 750.0 ? 750.0 : m;  // exp(-750) underflows to 0 anyway; keeps the exponent in range
    }
    const double magic = 0x1.8p52;  // x + magic - magic rounds x to an integer
    const std::uint64_t magic_bits = double_to_bits(magic);
    for (std::size_t j = 0; j < len; ++j) {
        const double u = -a[j];
        const double k = (u * 0x1.71547652b82fep0 + magic) - magic;  // nearest integer to u / ln 2
        // ln 2 split in a 32-bit head (k * head exact) and a tail
        const double r = (u - k * 0x1.62e42feep-1) - k * 0x1.a39ef35793c76p-33;
        double p = 1.0 / 479001600.0;  // exp(r), |r| <= ln2 / 2, Taylor to degree 12
        p = p * r + 1.0 / 39916800.0;
        p = p * r + 1.0 / 3628800.0;
        p = p * r + 1.0 / 362880.0;
        p = p * r + 1.0 / 40320.0;
        p = p * r + 1.0 / 5040.0;
        p = p * r + 1.0 / 720.0;
        p = p * r + 1.0 / 120.0;
        p = p * r + 1.0 / 24.0;
        p = p * r + 1.0 / 6.0;
        p = p * r + 0.5;
        p = p * r + 1.0;
        p = p * r + 1.0;
        // 2^k as two normal factors (k down to about -1082 would underflow a single one)
        const double k1 = (k * 0.5 + magic) - magic;
        const double k2 = k - k1;
        const double f1 = bits_to_double((double_to_bits(k1 + magic) - magic_bits + 1023) << 52);
        const double f2 = bits_to_double((double_to_bits(k2 + magic) - magic_bits + 1023) << 52);
        const double e = (p * f1) * f2;  // exp(-|t|)
        const double pos = 1.0 / (1.0 + e);  // sigmoid(|t|)
        const double neg = e * pos;          // sigmoid(-|t|)
        const std::uint64_t sel = 0 - (double_to_bits(t[j]) >> 63);
        out[j] = bits_to_double((double_to_bits(pos) & ~sel) | (double_to_bits(neg) & sel));
    }
}

}  // namespace

void sigmoid(const std::vector<double> &x, double scale, double shift, std::vector<double> &y) {
    const std::size_t n = x.size();
    const double *xp = x.data();
    double *yp = y.data();
    const std::size_t blocks = (n + BLOCK - 1) / BLOCK;
    if (n <= 20000) {
        for (std::size_t b = 0; b < blocks; ++b) {
            const std::size_t i = b * BLOCK;
            block_kernel(xp + i, scale, shift, yp + i, n - i < BLOCK ? n - i : BLOCK);
        }
        return;
    }
    Kokkos::parallel_for(
        "sigmoid", Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>(0, blocks),
        KOKKOS_LAMBDA(const std::size_t b) {
            const std::size_t i = b * BLOCK;
            block_kernel(xp + i, scale, shift, yp + i, n - i < BLOCK ? n - i : BLOCK);
        });
}
