// MPI reference of dft: the serial reference's blocked O(n^2) sum (DftPlan) with the blocks of 16
// outputs split into one contiguous range per rank; rank 0 gathers the outputs with MPI_Gatherv.
#include <mpi.h>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace {

constexpr double kPi = 3.14159265358979323846264338327950288;

// The n roots of unity exp(-2 pi i t / n), t < n, each from its exact angle (interleaved).
std::vector<double> root_table(std::size_t n) {
    std::vector<double> w(2 * n);
    for (std::size_t t = 0; t < n; ++t) {
        const double a = 2.0 * kPi * static_cast<double>(t) / static_cast<double>(n);
        w[2 * t] = std::cos(a);
        w[2 * t + 1] = -std::sin(a);
    }
    return w;
}

constexpr std::size_t kBlock = 16;  // outputs computed together

// The O(n^2) sum as dense products without gathers: outputs are taken kBlock at a time,
// k = k0 + d, and w^(j k) = w^(j k0) * w^(j d). Per block, A_j = x_j w^(j k0) (one table lookup per
// j, the exponent advanced by additions); then X_(k0+d) = sum_j A_j R_d[j] with the fixed rows
// R_d[j] = w^(j d mod n), d < kBlock, stored split (re, im) so that the sums stream through
// contiguous memory, four rows at a time with eight independent accumulators.
struct DftPlan {
    std::size_t n = 0, rows = 0;
    std::vector<double> w, rre, rim;
    void init(std::size_t len) {
        n = len;
        w = root_table(n);
        rows = n < kBlock ? n : kBlock;
        rre.resize(rows * n);
        rim.resize(rows * n);
        for (std::size_t d = 0; d < rows; ++d) {
            std::size_t e = 0;
            for (std::size_t j = 0; j < n; ++j) {
                rre[d * n + j] = w[2 * e];
                rim[d * n + j] = w[2 * e + 1];
                e += d;
                if (e >= n) e -= n;
            }
        }
    }
    std::size_t blocks() const { return (n + rows - 1) / rows; }
    // Outputs of block b; a: scratch of 2n doubles.
    void block(const double *__restrict x, double *__restrict y, std::size_t b, double *__restrict a) const {
        const std::size_t k0 = b * rows, cnt = n - k0 < rows ? n - k0 : rows;
        double *__restrict are = a, *__restrict aim = a + n;
        std::size_t e = 0;
        for (std::size_t j = 0; j < n; ++j) {
            const double c = w[2 * e], s = w[2 * e + 1], xr = x[2 * j], xi = x[2 * j + 1];
            are[j] = xr * c - xi * s;
            aim[j] = xr * s + xi * c;
            e += k0;
            e -= e >= n ? n : 0;
        }
        std::size_t d = 0;
        for (; d + 4 <= cnt; d += 4) {
            const double *__restrict c0 = &rre[d * n], *__restrict s0 = &rim[d * n];
            const double *__restrict c1 = c0 + n, *__restrict s1 = s0 + n;
            const double *__restrict c2 = c1 + n, *__restrict s2 = s1 + n;
            const double *__restrict c3 = c2 + n, *__restrict s3 = s2 + n;
            double r0 = 0.0, i0 = 0.0, r1 = 0.0, i1 = 0.0, r2 = 0.0, i2 = 0.0, r3 = 0.0, i3 = 0.0;
            for (std::size_t j = 0; j < n; ++j) {
                const double ar = are[j], ai = aim[j];
                r0 += ar * c0[j] - ai * s0[j];
                i0 += ar * s0[j] + ai * c0[j];
                r1 += ar * c1[j] - ai * s1[j];
                i1 += ar * s1[j] + ai * c1[j];
                r2 += ar * c2[j] - ai * s2[j];
                i2 += ar * s2[j] + ai * c2[j];
                r3 += ar * c3[j] - ai * s3[j];
                i3 += ar * s3[j] + ai * c3[j];
            }
            y[2 * (k0 + d)] = r0;
            y[2 * (k0 + d) + 1] = i0;
            y[2 * (k0 + d + 1)] = r1;
            y[2 * (k0 + d + 1) + 1] = i1;
            y[2 * (k0 + d + 2)] = r2;
            y[2 * (k0 + d + 2) + 1] = i2;
            y[2 * (k0 + d + 3)] = r3;
            y[2 * (k0 + d + 3) + 1] = i3;
        }
        for (; d < cnt; ++d) {
            const double *__restrict c0 = &rre[d * n], *__restrict s0 = &rim[d * n];
            double r0 = 0.0, i0 = 0.0;
            for (std::size_t j = 0; j < n; ++j) {
                r0 += are[j] * c0[j] - aim[j] * s0[j];
                i0 += are[j] * s0[j] + aim[j] * c0[j];
            }
            y[2 * (k0 + d)] = r0;
            y[2 * (k0 + d) + 1] = i0;
        }
    }
};

}  // namespace

void dft(const std::vector<double> &x, std::vector<double> &y, size_t n) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t p = static_cast<std::size_t>(size);
    DftPlan plan;  // every rank builds it: n cos/sin and 16 n lookups, cheap next to n^2
    plan.init(n);
    const std::size_t nb = plan.blocks();
    std::vector<int> counts(p), displs(p);  // blocks [b0, b1) of rank q, as doubles of y
    for (std::size_t q = 0; q < p; ++q) {
        const std::size_t k0 = std::min(n, nb * q / p * plan.rows), k1 = std::min(n, nb * (q + 1) / p * plan.rows);
        displs[q] = static_cast<int>(2 * k0);
        counts[q] = static_cast<int>(2 * (k1 - k0));
    }
    const std::size_t b0 = nb * static_cast<std::size_t>(rank) / p, b1 = nb * static_cast<std::size_t>(rank + 1) / p;
    const std::size_t k0 = static_cast<std::size_t>(displs[static_cast<std::size_t>(rank)]) / 2;
    std::vector<double> a(2 * n);
    for (std::size_t b = b0; b < b1; ++b) plan.block(x.data(), y.data(), b, a.data());
    if (size == 1) return;
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, y.data(), counts.data(), displs.data(), MPI_DOUBLE, 0, MPI_COMM_WORLD);
    else
        MPI_Gatherv(y.data() + 2 * k0, counts[static_cast<std::size_t>(rank)], MPI_DOUBLE, nullptr, nullptr, nullptr,
                    MPI_DOUBLE, 0, MPI_COMM_WORLD);
}
