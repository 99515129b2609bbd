// Kokkos reference of dft: the blocked O(n^2) sum (16 outputs per block: the input pre-rotated by w^(j k0), then dense products with 16 fixed twiddle rows); blocks split into one contiguous range per host thread by a parallel_for, each with its own scratch.
#include <Kokkos_Core.hpp>

#include <cmath>
#include <cstddef>
#include <memory>
#include <vector>

namespace {

constexpr double kPi = 3.14159265358979323846264338327950288;
constexpr std::size_t kBlock = 16;  // outputs computed together

// Outputs k = k0 + d, d < kBlock, use w^(j k) = w^(j k0) w^(j d): per block the input is rotated
// once, A_j = x_j w^(j k0) (exponent advanced by additions mod n), and X_(k0+d) = sum_j A_j R_d[j]
// with the rows R_d[j] = w^(j d mod n) stored split (re, im), four rows per sweep.
struct DftPlan {
    std::size_t n = 0, rows = 0;
    std::vector<double> wr, wi;    // w^t = exp(-2 pi i t / n), t < n, from exact angles
    std::vector<double> rre, rim;  // rows x n

    void init(std::size_t len) {
        n = len;
        wr.resize(n);
        wi.resize(n);
        for (std::size_t t = 0; t < n; ++t) {
            const double ang = 2.0 * kPi * static_cast<double>(t) / static_cast<double>(n);
            wr[t] = std::cos(ang);
            wi[t] = -std::sin(ang);
        }
        rows = n < kBlock ? n : kBlock;
        rre.resize(rows * n);
        rim.resize(rows * n);
        for (std::size_t d = 0; d < rows; ++d) {
            std::size_t e = 0;
            for (std::size_t j = 0; j < n; ++j) {
                rre[d * n + j] = wr[e];
                rim[d * n + j] = wi[e];
                e += d;
                if (e >= n) e -= n;
            }
        }
    }
    std::size_t blocks() const { return (n + rows - 1) / rows; }

    // The outputs of block b; scratch holds 2n doubles.
    void block(const double *__restrict x, double *__restrict y, std::size_t b, double *__restrict scratch) const {
        const std::size_t k0 = b * rows, cnt = n - k0 < rows ? n - k0 : rows;
        double *__restrict are = scratch, *__restrict aim = scratch + n;
        std::size_t e = 0;
        for (std::size_t j = 0; j < n; ++j) {
            const double c = wr[e], s = wi[e], xr = x[2 * j], xi = x[2 * j + 1];
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
            double *out = y + 2 * (k0 + d);
            out[0] = r0;
            out[1] = i0;
            out[2] = r1;
            out[3] = i1;
            out[4] = r2;
            out[5] = i2;
            out[6] = r3;
            out[7] = i3;
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
    DftPlan plan;
    plan.init(n);
    const double *xp = x.data();
    double *yp = y.data();
    const std::size_t nb = plan.blocks();
    if (n < 256) {
        std::vector<double> scratch(2 * n);
        for (std::size_t b = 0; b < nb; ++b) plan.block(xp, yp, b, scratch.data());
        return;
    }
    using Exec = Kokkos::DefaultHostExecutionSpace;
    const std::size_t nw = static_cast<std::size_t>(Exec::concurrency() > 0 ? Exec::concurrency() : 1);
    const DftPlan *pp = &plan;  // the lambda copies a pointer, not the tables
    Kokkos::parallel_for(
        "dft", Kokkos::RangePolicy<Exec>(0, nw), KOKKOS_LAMBDA(const std::size_t w) {
            std::unique_ptr<double[]> scratch(new double[2 * n]);
            for (std::size_t b = nb * w / nw, e = nb * (w + 1) / nw; b < e; ++b) pp->block(xp, yp, b, scratch.get());
        });
    Kokkos::fence();
}
