// MPI+OpenMP reference of sigmoid: every rank transforms one contiguous block of the elements,
// split again statically over the rank's threads in blocks of 256, with the vectorized
// branch-free kernel of the serial reference; rank 0 gathers the blocks with MPI_Gatherv.
#include <mpi.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace {

// Block [lo, hi) of n items owned by `rank` out of `size` ranks (sizes differ by at most one).
void block_range(std::size_t n, int rank, int size, std::size_t &lo, std::size_t &hi) {
    const std::size_t p = static_cast<std::size_t>(size), r = static_cast<std::size_t>(rank);
    const std::size_t base = n / p, extra = n % p;
    lo = r * base + (r < extra ? r : extra);
    hi = lo + base + (r < extra ? 1 : 0);
}

constexpr std::size_t BLOCK = 256;

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

// y[j] = sigmoid(scale * x[j] + shift) for j < len <= BLOCK.
void sigmoid_block(const double *__restrict x, double scale, double shift, double *__restrict y, std::size_t len) {
    double t[BLOCK], a[BLOCK];
    // exp(-750) is 0 in double, so clamping |t| there changes nothing (and keeps 2^k in range).
    for (std::size_t j = 0; j < len; ++j) {
        t[j] = scale * x[j] + shift;
        const double v = std::fabs(t[j]);
        a[j] = v > 750.0 ? 750.0 : v;
    }
    const double shifter = 0x1.8p52;  // adding it rounds to an integer kept in the low mantissa bits
    const std::uint64_t shifter_bits = to_bits(shifter);
    for (std::size_t j = 0; j < len; ++j) {
        const double u = -a[j];  // in [-750, 0]
        const double kd = (u * 0x1.71547652b82fep0 + shifter) - shifter;  // round(u / ln 2)
        // r = u - k ln 2 with ln 2 = hi + lo; hi has 32 significant bits, so k * hi is exact.
        const double r = (u - kd * 0x1.62e42feep-1) - kd * 0x1.a39ef35793c76p-33;  // |r| <= 0.347
        double p = 1.0 / 479001600.0;  // Taylor series of exp(r) to r^12 (truncation < 2e-16)
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
        // 2^k = 2^k1 * 2^k2 with k1, k2 >= -542: both factors are normal doubles.
        const double k1d = (kd * 0.5 + shifter) - shifter;
        const double k2d = kd - k1d;
        const double s1 = from_bits((to_bits(k1d + shifter) - shifter_bits + 1023) << 52);
        const double s2 = from_bits((to_bits(k2d + shifter) - shifter_bits + 1023) << 52);
        const double e = (p * s1) * s2;
        const double d = 1.0 / (1.0 + e);
        const double ed = e * d;
        const std::uint64_t neg = 0 - (to_bits(t[j]) >> 63);  // all ones when t < 0 (or t = -0)
        y[j] = from_bits((to_bits(d) & ~neg) | (to_bits(ed) & neg));
    }
}

}  // namespace

void sigmoid(const std::vector<double> &x, double scale, double shift, std::vector<double> &y) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = x.size();
    std::size_t lo = 0, hi = 0;
    block_range(n, rank, size, lo, hi);
    const double *xp = x.data();
    double *yp = y.data();
    const std::ptrdiff_t blocks = static_cast<std::ptrdiff_t>((hi - lo + BLOCK - 1) / BLOCK);
#pragma omp parallel for schedule(static) if (hi - lo > 20000)
    for (std::ptrdiff_t b = 0; b < blocks; ++b) {
        const std::size_t i = lo + static_cast<std::size_t>(b) * BLOCK;
        sigmoid_block(xp + i, scale, shift, yp + i, hi - i < BLOCK ? hi - i : BLOCK);
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
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, yp, counts.data(), displs.data(), MPI_DOUBLE, 0, MPI_COMM_WORLD);
    else
        MPI_Gatherv(yp + lo, counts[rank], MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0, MPI_COMM_WORLD);
}
