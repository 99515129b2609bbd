// Kokkos reference of complex_abs: a static parallel_for over chunks of 4096 numbers; each modulus scales both components by the exact power of two 2^-E of the larger one (exponent clamped), takes sqrt(a^2 + b^2) and scales back by 2^E, two numbers at a time with SSE2.
#include <Kokkos_Core.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace {

constexpr std::uint64_t EXPONENT = 0x7ff0000000000000ULL;
constexpr std::uint64_t BIAS_SUM = 0x7fe0000000000000ULL;  // bits(2^E) + bits(2^-E) for a normal 2^E

inline double as_double(std::uint64_t u) {
    double d;
    std::memcpy(&d, &u, sizeof d);
    return d;
}
inline std::uint64_t as_bits(double d) {
    std::uint64_t u;
    std::memcpy(&u, &d, sizeof u);
    return u;
}

// |re + i im| without overflow or underflow: the larger magnitude, clamped to [2^-1000, 2^1000],
// gives the power of two 2^E used to scale (exact) before the squares and after the root.
inline double modulus(double re, double im) {
    const double a = std::fabs(re), b = std::fabs(im);
    double m = a > b ? a : b;
    m = m < 0x1p-1000 ? 0x1p-1000 : (m > 0x1p1000 ? 0x1p1000 : m);
    const std::uint64_t e = as_bits(m) & EXPONENT;
    const double scale_down = as_double(BIAS_SUM - e), scale_up = as_double(e);
    const double as = a * scale_down, bs = b * scale_down;
    return std::sqrt(as * as + bs * bs) * scale_up;
}

// mag[i] for i in [lo, hi).
void moduli(const double *__restrict z, double *__restrict mag, std::size_t lo, std::size_t hi) {
    std::size_t i = lo;
#if defined(__SSE2__)
    const __m128d abs_mask = _mm_castsi128_pd(_mm_set1_epi64x(0x7fffffffffffffffLL));
    const __m128d lo_clamp = _mm_set1_pd(0x1p-1000), hi_clamp = _mm_set1_pd(0x1p1000);
    const __m128i exponent = _mm_set1_epi64x(static_cast<long long>(EXPONENT));
    const __m128i bias_sum = _mm_set1_epi64x(static_cast<long long>(BIAS_SUM));
    for (; i + 2 <= hi; i += 2) {
        const __m128d p = _mm_loadu_pd(z + 2 * i), q = _mm_loadu_pd(z + 2 * i + 2);
        const __m128d re = _mm_and_pd(_mm_unpacklo_pd(p, q), abs_mask);
        const __m128d im = _mm_and_pd(_mm_unpackhi_pd(p, q), abs_mask);
        const __m128d m = _mm_min_pd(_mm_max_pd(_mm_max_pd(re, im), lo_clamp), hi_clamp);
        const __m128i e = _mm_and_si128(_mm_castpd_si128(m), exponent);
        const __m128d down = _mm_castsi128_pd(_mm_sub_epi64(bias_sum, e));
        const __m128d rs = _mm_mul_pd(re, down), is = _mm_mul_pd(im, down);
        const __m128d r = _mm_sqrt_pd(_mm_add_pd(_mm_mul_pd(rs, rs), _mm_mul_pd(is, is)));
        _mm_storeu_pd(mag + i, _mm_mul_pd(r, _mm_castsi128_pd(e)));
    }
#endif
    for (; i < hi; ++i) mag[i] = modulus(z[2 * i], z[2 * i + 1]);
}

}  // namespace

void complex_abs(const std::vector<double> &z, std::vector<double> &mag) {
    const std::size_t n = z.size() / 2;
    const double *zp = z.data();
    double *mp = mag.data();
    if (n <= 20000) {
        moduli(zp, mp, 0, n);
        return;
    }
    constexpr std::size_t CHUNK = 4096;
    const std::size_t chunks = (n + CHUNK - 1) / CHUNK;
    Kokkos::parallel_for(
        "complex_abs", Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>(0, chunks),
        KOKKOS_LAMBDA(const std::size_t c) {
            const std::size_t lo = c * CHUNK;
            moduli(zp, mp, lo, n - lo < CHUNK ? n : lo + CHUNK);
        });
    Kokkos::fence();
}
