// MPI+OpenMP reference of complex_abs: every rank computes the moduli of one contiguous block of
// the numbers, split again statically over the rank's threads in chunks of 4096, with the serial
// reference's kernel (exact power-of-two scaling around sqrt(a^2 + b^2), SSE2); rank 0 gathers the
// blocks with MPI_Gatherv.
#include <mpi.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace {

// Block [lo, hi) of n items owned by `rank` out of `size` ranks (sizes differ by at most one).
void block_range(std::size_t n, int rank, int size, std::size_t &lo, std::size_t &hi) {
    const std::size_t p = static_cast<std::size_t>(size), r = static_cast<std::size_t>(rank);
    const std::size_t base = n / p, extra = n % p;
    lo = r * base + (r < extra ? r : extra);
    hi = lo + base + (r < extra ? 1 : 0);
}

constexpr std::uint64_t EXP_MASK = 0x7ff0000000000000ULL;
constexpr std::uint64_t TWO_BIASES = 0x7fe0000000000000ULL;  // bits of 2^E plus bits of 2^-E

double from_bits(std::uint64_t u) {
    double d;
    std::memcpy(&d, &u, sizeof d);
    return d;
}
std::uint64_t to_bits(double d) {
    std::uint64_t u;
    std::memcpy(&u, &d, sizeof u);
    return u;
}

double modulus(double re, double im) {
    const double a = std::fabs(re), b = std::fabs(im);
    double big = a > b ? a : b;
    big = big < 0x1p-1000 ? 0x1p-1000 : (big > 0x1p1000 ? 0x1p1000 : big);
    const std::uint64_t e = to_bits(big) & EXP_MASK;
    const double down = from_bits(TWO_BIASES - e), up = from_bits(e);
    const double as = a * down, bs = b * down;
    return std::sqrt(as * as + bs * bs) * up;
}

// mag[i] = |z[2i] + i z[2i+1]| for i in [lo, hi).
void moduli(const double *__restrict z, double *__restrict mag, std::size_t lo, std::size_t hi) {
    std::size_t i = lo;
#if defined(__SSE2__)
    const __m128d sign = _mm_set1_pd(-0.0);
    const __m128d tiny = _mm_set1_pd(0x1p-1000), huge = _mm_set1_pd(0x1p1000);
    const __m128i exp_mask = _mm_set1_epi64x(static_cast<long long>(EXP_MASK));
    const __m128i two_biases = _mm_set1_epi64x(static_cast<long long>(TWO_BIASES));
    for (; i + 2 <= hi; i += 2) {
        const __m128d z0 = _mm_loadu_pd(z + 2 * i), z1 = _mm_loadu_pd(z + 2 * i + 2);
        const __m128d a = _mm_andnot_pd(sign, _mm_unpacklo_pd(z0, z1));  // |re| of both numbers
        const __m128d b = _mm_andnot_pd(sign, _mm_unpackhi_pd(z0, z1));  // |im| of both numbers
        const __m128d big = _mm_min_pd(_mm_max_pd(_mm_max_pd(a, b), tiny), huge);
        const __m128i e = _mm_and_si128(_mm_castpd_si128(big), exp_mask);
        const __m128d down = _mm_castsi128_pd(_mm_sub_epi64(two_biases, e));
        const __m128d up = _mm_castsi128_pd(e);
        const __m128d as = _mm_mul_pd(a, down), bs = _mm_mul_pd(b, down);
        const __m128d s = _mm_add_pd(_mm_mul_pd(as, as), _mm_mul_pd(bs, bs));
        _mm_storeu_pd(mag + i, _mm_mul_pd(_mm_sqrt_pd(s), up));
    }
#endif
    for (; i < hi; ++i) mag[i] = modulus(z[2 * i], z[2 * i + 1]);
}

}  // namespace

void complex_abs(const std::vector<double> &z, std::vector<double> &mag) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = z.size() / 2;
    std::size_t lo = 0, hi = 0;
    block_range(n, rank, size, lo, hi);
    const double *zp = z.data();
    double *mp = mag.data();
    constexpr std::size_t CHUNK = 4096;
    const std::ptrdiff_t chunks = static_cast<std::ptrdiff_t>((hi - lo + CHUNK - 1) / CHUNK);
#pragma omp parallel for schedule(static) if (hi - lo > 20000)
    for (std::ptrdiff_t c = 0; c < chunks; ++c) {
        const std::size_t c0 = lo + static_cast<std::size_t>(c) * CHUNK;
        moduli(zp, mp, c0, hi - c0 < CHUNK ? hi : c0 + CHUNK);
    }

    if (size == 1) return;
    std::vector<int> counts(size), displs(size);
    for (int r = 0; r < size; ++r) {
        std::size_t b0 = 0, b1 = 0;
        block_range(n, r, size, b0, b1);
        counts[r] = static_cast<int>(b1 - b0);
        displs[r] = static_cast<int>(b0);
    }
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, mp, counts.data(), displs.data(), MPI_DOUBLE, 0, MPI_COMM_WORLD);
    else
        MPI_Gatherv(mp + lo, counts[rank], MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0, MPI_COMM_WORLD);
}
