// Kokkos reference of fft_forward: the four-step FFT, its column pass and then its row pass as parallel_fors over one static block per thread.
// The kernels are the OpenMP reference's: m = n1 * n2; length-n1 FFTs down kGroup columns at a time
// (split re/im arrays in bit-reversed order, radix-4 passes), twiddles from two short tables of
// exact roots, then length-n2 FFTs along kGroup rows, written transposed. Lengths up to kDirectMax
// are one in-cache transform on the calling thread.
#include <Kokkos_Core.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace {

constexpr double kPi = 3.14159265358979323846264338327950288;

// exp(sign * 2 pi i k / n), from the exact angle 2 pi k / n (k < n).
void unit_root(double sign, std::size_t k, std::size_t n, double &re, double &im) {
    const double a = 2.0 * kPi * static_cast<double>(k) / static_cast<double>(n);
    re = std::cos(a);
    im = sign * std::sin(a);
}

std::size_t log2_ceil(std::size_t n) {
    std::size_t lg = 0;
    while ((std::size_t(1) << lg) < n) ++lg;
    return lg;
}

// w^e = exp(sign * 2 pi i e / n) for 0 <= e < n (n a power of two) from two short tables of
// exact roots, w^e = hi[e >> shift] * lo[e & mask]: one complex product, no drift, O(sqrt(n)) setup.
struct Roots {
    std::size_t shift = 0, mask = 0;
    std::vector<double> lo, hi;
    void init(std::size_t n, double sign) {
        shift = (log2_ceil(n) + 1) / 2;
        const std::size_t nlo = std::size_t(1) << shift, nhi = (n + nlo - 1) / nlo;
        mask = nlo - 1;
        lo.resize(2 * nlo);
        hi.resize(2 * nhi);
        for (std::size_t k = 0; k < nlo; ++k) unit_root(sign, k, n, lo[2 * k], lo[2 * k + 1]);
        for (std::size_t k = 0; k < nhi; ++k) unit_root(sign, k * nlo, n, hi[2 * k], hi[2 * k + 1]);
    }
    void get(std::size_t e, double &re, double &im) const {
        const double *a = &hi[2 * (e >> shift)], *b = &lo[2 * (e & mask)];
        re = a[0] * b[0] - a[1] * b[1];
        im = a[0] * b[1] + a[1] * b[0];
    }
};

// In-cache FFT of power-of-two length n on split arrays (re, im) that are already in bit-reversed
// order: one radix-2 pass when log2(n) is odd, then radix-4 passes (two radix-2 stages each) with
// per-pass contiguous twiddle tables. Split arrays vectorize without shuffles.
struct SmallPlan {
    std::size_t n = 0, lg = 0;
    double sign = -1.0;
    std::vector<std::uint32_t> rev;
    std::vector<double> w2r, w2i, w4r, w4i;  // pass of quarter size q: w_{2q}^j and w_{4q}^j at [q + j], j < q
    void init(std::size_t len, double sgn) {
        n = len;
        sign = sgn;
        lg = log2_ceil(n);
        rev.assign(n, 0);
        for (std::size_t i = 0; i < n; ++i) {
            std::size_t r = 0;
            for (std::size_t b = 0; b < lg; ++b) r |= ((i >> b) & 1) << (lg - 1 - b);
            rev[i] = static_cast<std::uint32_t>(r);
        }
        w2r.assign(n + 1, 0.0);
        w2i = w4r = w4i = w2r;
        for (std::size_t q = (lg & 1) ? 2 : 4; 4 * q <= n; q *= 4)
            for (std::size_t j = 0; j < q; ++j) {
                unit_root(sign, j, 2 * q, w2r[q + j], w2i[q + j]);
                unit_root(sign, j, 4 * q, w4r[q + j], w4i[q + j]);
            }
    }
    void run(double *__restrict re, double *__restrict im) const {
        std::size_t q = 1;
        if (lg & 1) {
            for (std::size_t i = 0; i < n; i += 2) {
                const double ar = re[i], ai = im[i], br = re[i + 1], bi = im[i + 1];
                re[i] = ar + br;
                im[i] = ai + bi;
                re[i + 1] = ar - br;
                im[i + 1] = ai - bi;
            }
            q = 2;
        } else if (n >= 4) {
            // the first radix-4 pass: twiddles 1 and sign * i only
            for (std::size_t i = 0; i < n; i += 4) {
                const double ar = re[i] + re[i + 1], ai = im[i] + im[i + 1];
                const double br = re[i] - re[i + 1], bi = im[i] - im[i + 1];
                const double cr = re[i + 2] + re[i + 3], ci = im[i + 2] + im[i + 3];
                const double dr = re[i + 2] - re[i + 3], di = im[i + 2] - im[i + 3];
                const double er = -sign * di, ei = sign * dr;
                re[i] = ar + cr;
                im[i] = ai + ci;
                re[i + 2] = ar - cr;
                im[i + 2] = ai - ci;
                re[i + 1] = br + er;
                im[i + 1] = bi + ei;
                re[i + 3] = br - er;
                im[i + 3] = bi - ei;
            }
            q = 4;
        }
        for (; 4 * q <= n; q *= 4) {
            const double *__restrict c2 = w2r.data() + q, *__restrict s2 = w2i.data() + q;
            const double *__restrict c4 = w4r.data() + q, *__restrict s4 = w4i.data() + q;
            for (std::size_t s = 0; s < n; s += 4 * q) {
                double *__restrict r0 = re + s, *__restrict r1 = r0 + q, *__restrict r2 = r1 + q, *__restrict r3 = r2 + q;
                double *__restrict i0 = im + s, *__restrict i1 = i0 + q, *__restrict i2 = i1 + q, *__restrict i3 = i2 + q;
                for (std::size_t j = 0; j < q; ++j) {
                    const double t1r = r1[j] * c2[j] - i1[j] * s2[j], t1i = r1[j] * s2[j] + i1[j] * c2[j];
                    const double t3r = r3[j] * c2[j] - i3[j] * s2[j], t3i = r3[j] * s2[j] + i3[j] * c2[j];
                    const double ar = r0[j] + t1r, ai = i0[j] + t1i, br = r0[j] - t1r, bi = i0[j] - t1i;
                    const double cr = r2[j] + t3r, ci = i2[j] + t3i, dr = r2[j] - t3r, di = i2[j] - t3i;
                    const double ur = cr * c4[j] - ci * s4[j], ui = cr * s4[j] + ci * c4[j];
                    const double vr = dr * c4[j] - di * s4[j], vi = dr * s4[j] + di * c4[j];
                    const double er = -sign * vi, ei = sign * vr;  // (sign * i) * v
                    r0[j] = ar + ur;
                    i0[j] = ai + ui;
                    r2[j] = ar - ur;
                    i2[j] = ai - ui;
                    r1[j] = br + er;
                    i1[j] = bi + ei;
                    r3[j] = br - er;
                    i3[j] = bi - ei;
                }
            }
        }
    }
};

constexpr std::size_t kGroup = 8;         // columns (rows) moved together: 128-byte runs of memory
constexpr std::size_t kDirectMax = 4096;  // lengths up to this are one in-cache transform

// FFT of power-of-two length m: out[k * ostride] = scale * sum_j in[j * stride] * w^(j k) with
// w = exp(sign * 2 pi i / m) (interleaved complex; strides count complex numbers). Up to kDirectMax one in-cache pass;
// beyond, the four-step algorithm with m = n1 * n2 (j = n2 * j1 + j2, k = k1 + n1 * k2):
// length-n1 FFTs down the columns of the n1 x n2 input, twiddles w_m^(j2 * k1), then length-n2 FFTs
// along the rows, written transposed. Each pass moves kGroup columns or rows through cache at once.
struct Plan {
    std::size_t m = 0, n1 = 0, n2 = 0;
    double scale = 1.0;
    SmallPlan direct, p1, p2;
    Roots roots;
    void init(std::size_t len, double sign, double scl = 1.0) {
        m = len;
        scale = scl;
        if (m <= kDirectMax) {
            direct.init(m, sign);
            return;
        }
        const std::size_t lg = log2_ceil(m);
        n1 = std::size_t(1) << (lg / 2);
        n2 = m / n1;
        p1.init(n1, sign);
        p2.init(n2, sign);
        roots.init(m, sign);
    }
    bool four_step() const { return m > kDirectMax; }
    std::size_t col_blocks() const { return n2 / kGroup; }
    std::size_t row_blocks() const { return n1 / kGroup; }
    std::size_t buf_doubles() const { return four_step() ? 2 * kGroup * n2 : 2 * m; }
    // Columns [cb * kGroup, cb * kGroup + kGroup): FFT, twiddle, store into S (n1 x n2, interleaved).
    void columns(std::size_t cb, const double *in, std::size_t stride, double *S, double *buf) const {
        const std::size_t c0 = cb * kGroup;
        const std::uint32_t *rev = p1.rev.data();
        double *re = buf, *im = buf + kGroup * n1;
        for (std::size_t j1 = 0; j1 < n1; ++j1) {
            const double *src = in + 2 * (n2 * j1 + c0) * stride;
            const std::size_t d = rev[j1];
            for (std::size_t g = 0; g < kGroup; ++g) {
                re[g * n1 + d] = src[2 * g * stride];
                im[g * n1 + d] = src[2 * g * stride + 1];
            }
        }
        for (std::size_t g = 0; g < kGroup; ++g) {
            double *cr = re + g * n1, *ci = im + g * n1;
            p1.run(cr, ci);
            const std::size_t c = c0 + g;
            for (std::size_t k1 = 1; k1 < n1; ++k1) {
                double wr, wi;
                roots.get(k1 * c, wr, wi);
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
    // Rows [rb * kGroup, rb * kGroup + kGroup) of S: FFT, store to out[(k1 + n1 * k2) * ostride].
    void rows(std::size_t rb, const double *S, double *out, std::size_t ostride, double *buf) const {
        const std::size_t r0 = rb * kGroup;
        const std::uint32_t *rev = p2.rev.data();
        double *re = buf, *im = buf + kGroup * n2;
        for (std::size_t g = 0; g < kGroup; ++g) {
            const double *src = S + 2 * (r0 + g) * n2;
            double *dr = re + g * n2, *di = im + g * n2;
            for (std::size_t j2 = 0; j2 < n2; ++j2) {
                dr[j2] = src[2 * rev[j2]];
                di[j2] = src[2 * rev[j2] + 1];
            }
            p2.run(dr, di);
        }
        for (std::size_t k2 = 0; k2 < n2; ++k2) {
            double *dst = out + 2 * (k2 * n1 + r0) * ostride;
            for (std::size_t g = 0; g < kGroup; ++g) {
                dst[2 * g * ostride] = scale * re[g * n2 + k2];
                dst[2 * g * ostride + 1] = scale * im[g * n2 + k2];
            }
        }
    }
    // The in-cache path (m <= kDirectMax); out may equal in.
    void small(const double *in, std::size_t stride, double *out, std::size_t ostride, double *buf) const {
        const std::uint32_t *rev = direct.rev.data();
        double *re = buf, *im = buf + m;
        for (std::size_t j = 0; j < m; ++j) {
            re[j] = in[2 * rev[j] * stride];
            im[j] = in[2 * rev[j] * stride + 1];
        }
        direct.run(re, im);
        for (std::size_t j = 0; j < m; ++j) {
            out[2 * j * ostride] = scale * re[j];
            out[2 * j * ostride + 1] = scale * im[j];
        }
    }
    // The whole transform on the calling thread, output k at out[2 * k * ostride]; out may equal in
    // (all of the input is read before any output is written).
    void run(const double *in, std::size_t stride, double *out, std::size_t ostride = 1) const {
        std::unique_ptr<double[]> buf(new double[buf_doubles()]);
        if (!four_step()) {
            small(in, stride, out, ostride, buf.get());
            return;
        }
        std::unique_ptr<double[]> S(new double[2 * m]);
        for (std::size_t cb = 0; cb < col_blocks(); ++cb) columns(cb, in, stride, S.get(), buf.get());
        for (std::size_t rb = 0; rb < row_blocks(); ++rb) rows(rb, S.get(), out, ostride, buf.get());
    }
};

// The transform with the column blocks, then the row blocks, split into one contiguous range per
// thread of the host execution space; every thread range has its own buffer. Short transforms run
// on the calling thread. out may equal in: every column is read before the row pass writes.
void run_parallel(const Plan &p, const double *in, std::size_t stride, double *out, std::size_t ostride = 1) {
    if (!p.four_step()) {
        p.run(in, stride, out, ostride);
        return;
    }
    const int conc = Kokkos::DefaultHostExecutionSpace::concurrency();
    const std::size_t nt = conc > 0 ? static_cast<std::size_t>(conc) : 1;
    const std::size_t per = p.buf_doubles();
    std::unique_ptr<double[]> S(new double[2 * p.m]);
    std::unique_ptr<double[]> bufs(new double[nt * per]);
    double *s = S.get(), *bp = bufs.get();
    const Plan *pp = &p;
    const std::size_t ncb = p.col_blocks(), nrb = p.row_blocks();
    const Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace> ranges(0, nt);
    Kokkos::parallel_for(
        "fft_forward_columns", ranges, KOKKOS_LAMBDA(const std::size_t t) {
            for (std::size_t cb = ncb * t / nt; cb < ncb * (t + 1) / nt; ++cb)
                pp->columns(cb, in, stride, s, bp + t * per);
        });
    Kokkos::parallel_for(
        "fft_forward_rows", ranges, KOKKOS_LAMBDA(const std::size_t t) {
            for (std::size_t rb = nrb * t / nt; rb < nrb * (t + 1) / nt; ++rb)
                pp->rows(rb, s, out, ostride, bp + t * per);
        });
    Kokkos::fence();
}

}  // namespace

void fft_forward(std::vector<double> &data, size_t n) {
    Plan p;
    p.init(n, -1.0, 1.0);
    run_parallel(p, data.data(), 1, data.data());
}
