// Kokkos reference of circular_convolution: one complex FFT of z = a + i b and one half-length inverse FFT (four-step for long transforms); the packing, the column and row passes and the spectrum product are parallel_for loops over contiguous work ranges.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace {

using Exec = Kokkos::DefaultHostExecutionSpace;
using Policy = Kokkos::RangePolicy<Exec>;

constexpr double kPi = 3.14159265358979323846264338327950288;
constexpr std::size_t kGroup = 8;         // columns (rows) handled together in the four-step passes
constexpr std::size_t kDirectMax = 4096;  // transforms up to this length run in cache in one go

// exp(sign * 2 pi i k / n) from the exact angle.
void root_of_unity(double sign, std::size_t k, std::size_t n, double &re, double &im) {
    const double t = 2.0 * kPi * static_cast<double>(k) / static_cast<double>(n);
    re = std::cos(t);
    im = sign * std::sin(t);
}

std::size_t ilog2(std::size_t n) {
    std::size_t l = 0;
    while ((std::size_t(1) << l) < n) ++l;
    return l;
}

// w^e = exp(sign * 2 pi i e / n), e < n, as the product of a coarse and a fine root of two short
// exact tables (no accumulated drift, O(sqrt n) setup).
struct RootTable {
    std::size_t shift = 0, mask = 0;
    std::vector<double> fine, coarse;  // interleaved (re, im)
    void init(std::size_t n, double sign) {
        shift = (ilog2(n) + 1) / 2;
        const std::size_t nf = std::size_t(1) << shift, nc = (n + nf - 1) / nf;
        mask = nf - 1;
        fine.resize(2 * nf);
        coarse.resize(2 * nc);
        for (std::size_t k = 0; k < nf; ++k) root_of_unity(sign, k, n, fine[2 * k], fine[2 * k + 1]);
        for (std::size_t k = 0; k < nc; ++k) root_of_unity(sign, k * nf, n, coarse[2 * k], coarse[2 * k + 1]);
    }
    void at(std::size_t e, double &re, double &im) const {
        const double *c = &coarse[2 * (e >> shift)], *f = &fine[2 * (e & mask)];
        re = c[0] * f[0] - c[1] * f[1];
        im = c[0] * f[1] + c[1] * f[0];
    }
};

// In-cache FFT of power-of-two length on split (re, im) arrays given in bit-reversed order: a
// radix-2 first pass when log2(n) is odd (else a twiddle-free radix-4 pass), then radix-4 passes
// with contiguous per-pass twiddle tables.
struct CacheFFT {
    std::size_t n = 0, lg = 0;
    double sign = -1.0;
    std::vector<std::uint32_t> bitrev;
    std::vector<double> t2r, t2i, t4r, t4i;  // for quarter size q: w_{2q}^j and w_{4q}^j at [q + j]

    void init(std::size_t len, double s) {
        n = len;
        sign = s;
        lg = ilog2(n);
        bitrev.assign(n, 0);
        for (std::size_t i = 0; i < n; ++i) {
            std::size_t r = 0;
            for (std::size_t bit = 0; bit < lg; ++bit) r |= ((i >> bit) & 1) << (lg - 1 - bit);
            bitrev[i] = static_cast<std::uint32_t>(r);
        }
        t2r.assign(n + 1, 0.0);
        t2i = t2r;
        t4r = t2r;
        t4i = t2r;
        for (std::size_t q = (lg & 1) ? 2 : 4; 4 * q <= n; q *= 4)
            for (std::size_t j = 0; j < q; ++j) {
                root_of_unity(sign, j, 2 * q, t2r[q + j], t2i[q + j]);
                root_of_unity(sign, j, 4 * q, t4r[q + j], t4i[q + j]);
            }
    }

    void run(double *__restrict re, double *__restrict im) const {
        std::size_t q = 1;
        if (lg & 1) {
            for (std::size_t i = 0; i < n; i += 2) {
                const double xr = re[i], xi = im[i], yr = re[i + 1], yi = im[i + 1];
                re[i] = xr + yr;
                im[i] = xi + yi;
                re[i + 1] = xr - yr;
                im[i + 1] = xi - yi;
            }
            q = 2;
        } else if (n >= 4) {
            for (std::size_t i = 0; i < n; i += 4) {
                const double ar = re[i] + re[i + 1], ai = im[i] + im[i + 1];
                const double br = re[i] - re[i + 1], bi = im[i] - im[i + 1];
                const double cr = re[i + 2] + re[i + 3], ci = im[i + 2] + im[i + 3];
                const double dr = re[i + 2] - re[i + 3], di = im[i + 2] - im[i + 3];
                const double er = -sign * di, ei = sign * dr;  // (sign i) d
                re[i] = ar + cr;
                im[i] = ai + ci;
                re[i + 1] = br + er;
                im[i + 1] = bi + ei;
                re[i + 2] = ar - cr;
                im[i + 2] = ai - ci;
                re[i + 3] = br - er;
                im[i + 3] = bi - ei;
            }
            q = 4;
        }
        for (; 4 * q <= n; q *= 4) {
            const double *__restrict c2 = t2r.data() + q, *__restrict s2 = t2i.data() + q;
            const double *__restrict c4 = t4r.data() + q, *__restrict s4 = t4i.data() + q;
            for (std::size_t base = 0; base < n; base += 4 * q) {
                double *__restrict r0 = re + base, *__restrict r1 = r0 + q, *__restrict r2 = r1 + q,
                                   *__restrict r3 = r2 + q;
                double *__restrict i0 = im + base, *__restrict i1 = i0 + q, *__restrict i2 = i1 + q,
                                   *__restrict i3 = i2 + q;
                for (std::size_t j = 0; j < q; ++j) {
                    // two radix-2 stages of size 2q, then one of size 4q
                    const double u1r = r1[j] * c2[j] - i1[j] * s2[j], u1i = r1[j] * s2[j] + i1[j] * c2[j];
                    const double u3r = r3[j] * c2[j] - i3[j] * s2[j], u3i = r3[j] * s2[j] + i3[j] * c2[j];
                    const double ar = r0[j] + u1r, ai = i0[j] + u1i, br = r0[j] - u1r, bi = i0[j] - u1i;
                    const double cr = r2[j] + u3r, ci = i2[j] + u3i, dr = r2[j] - u3r, di = i2[j] - u3i;
                    const double vr = cr * c4[j] - ci * s4[j], vi = cr * s4[j] + ci * c4[j];
                    const double wr = dr * c4[j] - di * s4[j], wi = dr * s4[j] + di * c4[j];
                    const double er = -sign * wi, ei = sign * wr;  // (sign i) w
                    r0[j] = ar + vr;
                    i0[j] = ai + vi;
                    r2[j] = ar - vr;
                    i2[j] = ai - vi;
                    r1[j] = br + er;
                    i1[j] = bi + ei;
                    r3[j] = br - er;
                    i3[j] = bi - ei;
                }
            }
        }
    }
};

// FFT of power-of-two length m on interleaved complex data (strides in complex numbers), scaled.
// Up to kDirectMax one in-cache transform; beyond, the four-step method with m = n1 * n2
// (j = n2 j1 + j2, k = k1 + n1 k2): length-n1 FFTs down the columns, twiddles w_m^(j2 k1),
// length-n2 FFTs along the rows, stored transposed. Column and row blocks are independent work items.
struct FFTPlan {
    std::size_t m = 0, n1 = 0, n2 = 0;
    double scale = 1.0;
    CacheFFT whole, f1, f2;
    RootTable tw;

    void init(std::size_t len, double sign, double scl) {
        m = len;
        scale = scl;
        if (m <= kDirectMax) {
            whole.init(m, sign);
            return;
        }
        n1 = std::size_t(1) << (ilog2(m) / 2);
        n2 = m / n1;
        f1.init(n1, sign);
        f2.init(n2, sign);
        tw.init(m, sign);
    }
    bool four_step() const { return m > kDirectMax; }
    std::size_t col_blocks() const { return n2 / kGroup; }
    std::size_t row_blocks() const { return n1 / kGroup; }
    std::size_t scratch_doubles() const { return four_step() ? 2 * kGroup * n2 : 2 * m; }

    // Column block cb: kGroup columns FFT'd, twiddled, stored in S (n1 x n2 interleaved).
    void column_block(std::size_t cb, const double *in, std::size_t stride, double *S, double *buf) const {
        const std::size_t c0 = cb * kGroup;
        double *re = buf, *im = buf + kGroup * n1;
        for (std::size_t j1 = 0; j1 < n1; ++j1) {
            const double *src = in + 2 * (n2 * j1 + c0) * stride;
            const std::size_t dst = f1.bitrev[j1];
            for (std::size_t g = 0; g < kGroup; ++g) {
                re[g * n1 + dst] = src[2 * g * stride];
                im[g * n1 + dst] = src[2 * g * stride + 1];
            }
        }
        for (std::size_t g = 0; g < kGroup; ++g) {
            double *cr = re + g * n1, *ci = im + g * n1;
            f1.run(cr, ci);
            const std::size_t col = c0 + g;
            for (std::size_t k1 = 1; k1 < n1; ++k1) {
                double wr, wi;
                tw.at(k1 * col, wr, wi);
                const double xr = cr[k1], xi = ci[k1];
                cr[k1] = xr * wr - xi * wi;
                ci[k1] = xr * wi + xi * wr;
            }
        }
        for (std::size_t k1 = 0; k1 < n1; ++k1) {
            double *dst = S + 2 * (k1 * n2 + c0);
            for (std::size_t g = 0; g < kGroup; ++g) {
                dst[2 * g] = re[g * n1 + k1];
                dst[2 * g + 1] = im[g * n1 + k1];
            }
        }
    }
    // Row block rb of S: kGroup rows FFT'd, written to out[(k1 + n1 k2) * ostride].
    void row_block(std::size_t rb, const double *S, double *out, std::size_t ostride, double *buf) const {
        const std::size_t k10 = rb * kGroup;
        double *re = buf, *im = buf + kGroup * n2;
        const std::uint32_t *rev = f2.bitrev.data();
        for (std::size_t g = 0; g < kGroup; ++g) {
            const double *src = S + 2 * (k10 + g) * n2;
            double *dr = re + g * n2, *di = im + g * n2;
            for (std::size_t j2 = 0; j2 < n2; ++j2) {
                dr[j2] = src[2 * rev[j2]];
                di[j2] = src[2 * rev[j2] + 1];
            }
            f2.run(dr, di);
        }
        for (std::size_t k2 = 0; k2 < n2; ++k2) {
            double *dst = out + 2 * (k2 * n1 + k10) * ostride;
            for (std::size_t g = 0; g < kGroup; ++g) {
                dst[2 * g * ostride] = scale * re[g * n2 + k2];
                dst[2 * g * ostride + 1] = scale * im[g * n2 + k2];
            }
        }
    }
    // Short transform on the calling thread; out may alias in (all input read first).
    void direct(const double *in, std::size_t stride, double *out, std::size_t ostride) const {
        std::unique_ptr<double[]> buf(new double[2 * m]);
        double *re = buf.get(), *im = re + m;
        const std::uint32_t *rev = whole.bitrev.data();
        for (std::size_t j = 0; j < m; ++j) {
            re[j] = in[2 * rev[j] * stride];
            im[j] = in[2 * rev[j] * stride + 1];
        }
        whole.run(re, im);
        for (std::size_t j = 0; j < m; ++j) {
            out[2 * j * ostride] = scale * re[j];
            out[2 * j * ostride + 1] = scale * im[j];
        }
    }
};

// The transform; a four-step one splits its column blocks, then its row blocks, into one contiguous
// range per host thread (each with its own scratch). out may alias in.
void transform(const FFTPlan &plan, const double *in, double *out) {
    if (!plan.four_step()) {
        plan.direct(in, 1, out, 1);
        return;
    }
    std::unique_ptr<double[]> S(new double[2 * plan.m]);
    double *s = S.get();
    const FFTPlan *pp = &plan;
    const std::size_t nw = static_cast<std::size_t>(Exec::concurrency() > 0 ? Exec::concurrency() : 1);
    const std::size_t ncb = plan.col_blocks(), nrb = plan.row_blocks();
    Kokkos::parallel_for(
        "fft_columns", Policy(0, nw), KOKKOS_LAMBDA(const std::size_t w) {
            std::unique_ptr<double[]> buf(new double[pp->scratch_doubles()]);
            for (std::size_t cb = ncb * w / nw; cb < ncb * (w + 1) / nw; ++cb) pp->column_block(cb, in, 1, s, buf.get());
        });
    Kokkos::fence();
    Kokkos::parallel_for(
        "fft_rows", Policy(0, nw), KOKKOS_LAMBDA(const std::size_t w) {
            std::unique_ptr<double[]> buf(new double[pp->scratch_doubles()]);
            for (std::size_t rb = nrb * w / nw; rb < nrb * (w + 1) / nw; ++rb) pp->row_block(rb, s, out, 1, buf.get());
        });
    Kokkos::fence();
}

// Z = FFT(a + i b) holds both spectra: C_k = A_k B_k = (Z_k^2 - conj(Z_{n-k})^2) / (4i). The real c
// is recovered with one half-length inverse FFT of Y_k = E_k + i O_k, with E_k = C_k + C_{k+n/2},
// O_k = (C_k - C_{k+n/2}) exp(2 pi i k / n), scaled by 1/n: y_l = c[2l] + i c[2l+1].
void fill_half_spectrum(const double *Z, std::size_t n, const RootTable &up, double *Y, std::size_t k0,
                        std::size_t k1) {
    const std::size_t h = n / 2;
    for (std::size_t k = k0; k < k1; ++k) {
        const std::size_t km = (n - k) % n, kh = k + h, khm = h - k;
        const double zr = Z[2 * k], zi = Z[2 * k + 1], yr = Z[2 * km], yi = -Z[2 * km + 1];
        const double pr = zr * zr - zi * zi - (yr * yr - yi * yi), pim = 2.0 * (zr * zi - yr * yi);
        const double cr = 0.25 * pim, ci = -0.25 * pr;  // C_k
        const double ur = Z[2 * kh], ui = Z[2 * kh + 1], vr = Z[2 * khm], vi = -Z[2 * khm + 1];
        const double qr = ur * ur - ui * ui - (vr * vr - vi * vi), qim = 2.0 * (ur * ui - vr * vi);
        const double dr = 0.25 * qim, di = -0.25 * qr;  // C_{k+h}
        double wr, wi;
        up.at(k, wr, wi);
        const double sr = cr - dr, si = ci - di;
        const double orr = sr * wr - si * wi, oi = sr * wi + si * wr;
        Y[2 * k] = (cr + dr) - oi;
        Y[2 * k + 1] = (ci + di) + orr;
    }
}

}  // namespace

void circular_convolution(const std::vector<double> &a, const std::vector<double> &b, std::vector<double> &c,
                          size_t n) {
    if (n == 1) {
        c[0] = a[0] * b[0];
        return;
    }
    const std::size_t h = n / 2;
    std::unique_ptr<double[]> z(new double[2 * n]), y(new double[2 * h]);
    double *zp = z.get(), *yp = y.get();
    FFTPlan fwd, inv;
    fwd.init(n, -1.0, 1.0);
    inv.init(h, 1.0, 1.0 / static_cast<double>(n));
    RootTable up;
    up.init(n, 1.0);
    const double *ap = a.data(), *bp = b.data();
    const bool par = n >= 16384;
    if (par)
        Kokkos::parallel_for(
            "conv_pack", Policy(0, n), KOKKOS_LAMBDA(const std::size_t j) {
                zp[2 * j] = ap[j];
                zp[2 * j + 1] = bp[j];
            });
    else
        for (std::size_t j = 0; j < n; ++j) {
            zp[2 * j] = ap[j];
            zp[2 * j + 1] = bp[j];
        }
    Kokkos::fence();
    transform(fwd, zp, zp);
    const RootTable *upp = &up;
    constexpr std::size_t SPAN = 1024;
    if (par)
        Kokkos::parallel_for(
            "conv_spectrum", Policy(0, (h + SPAN - 1) / SPAN), KOKKOS_LAMBDA(const std::size_t blk) {
                const std::size_t k0 = blk * SPAN, k1 = k0 + SPAN < h ? k0 + SPAN : h;
                fill_half_spectrum(zp, n, *upp, yp, k0, k1);
            });
    else
        fill_half_spectrum(zp, n, up, yp, 0, h);
    Kokkos::fence();
    transform(inv, yp, c.data());  // c viewed as h complex numbers
}
