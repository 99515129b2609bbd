#include <algorithm>
#include <cstddef>
#include <vector>

// both matrices packed into flat 4-wide panels (zero-padded), then a 4x4 register-tiled kernel over cache-sized k blocks: unit-stride loads, 8 vector accumulators, no column walks
namespace {
typedef double v2d __attribute__((vector_size(16)));

inline v2d load2(const double* p) {
    v2d v;
    __builtin_memcpy(&v, p, sizeof v);
    return v;
}
inline void store2(double* p, v2d v) { __builtin_memcpy(p, &v, sizeof v); }
}  // namespace

std::vector<std::vector<double>> matrix_multiply(const std::vector<std::vector<double>>& a,
                                                 const std::vector<std::vector<double>>& b) {
    const std::size_t n = a.size();
    if (n == 0) return {};
    const std::size_t blocks = (n + 3) / 4, m = blocks * 4;
    // ap: for row block p and k, a[4p..4p+3][k]; bp: for column block q and k, b[k][4q..4q+3]
    std::vector<double> ap(blocks * n * 4, 0.0), bp(blocks * n * 4, 0.0), c(m * m, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        const double* arow = a[i].data();
        double* dst = ap.data() + (i / 4) * n * 4 + (i % 4);
        for (std::size_t k = 0; k < n; ++k) dst[k * 4] = arow[k];
    }
    for (std::size_t k = 0; k < n; ++k) {
        const double* brow = b[k].data();
        for (std::size_t j = 0; j < n; ++j) bp[(j / 4) * n * 4 + k * 4 + (j % 4)] = brow[j];
    }
    const std::size_t kc = 256;
    for (std::size_t k0 = 0; k0 < n; k0 += kc) {
        const std::size_t k1 = std::min(n, k0 + kc);
        for (std::size_t q = 0; q < blocks; ++q) {
            const double* bq = bp.data() + q * n * 4;
            for (std::size_t p = 0; p < blocks; ++p) {
                const double* apn = ap.data() + p * n * 4;
                double* ct = c.data() + (4 * p) * m + 4 * q;
                v2d s00 = load2(ct), s01 = load2(ct + 2);
                v2d s10 = load2(ct + m), s11 = load2(ct + m + 2);
                v2d s20 = load2(ct + 2 * m), s21 = load2(ct + 2 * m + 2);
                v2d s30 = load2(ct + 3 * m), s31 = load2(ct + 3 * m + 2);
                for (std::size_t k = k0; k < k1; ++k) {
                    const v2d y0 = load2(bq + k * 4), y1 = load2(bq + k * 4 + 2);
                    const double* x = apn + k * 4;
                    const v2d x0 = {x[0], x[0]}, x1 = {x[1], x[1]}, x2 = {x[2], x[2]}, x3 = {x[3], x[3]};
                    s00 += x0 * y0; s01 += x0 * y1;
                    s10 += x1 * y0; s11 += x1 * y1;
                    s20 += x2 * y0; s21 += x2 * y1;
                    s30 += x3 * y0; s31 += x3 * y1;
                }
                store2(ct, s00); store2(ct + 2, s01);
                store2(ct + m, s10); store2(ct + m + 2, s11);
                store2(ct + 2 * m, s20); store2(ct + 2 * m + 2, s21);
                store2(ct + 3 * m, s30); store2(ct + 3 * m + 2, s31);
            }
        }
    }
    std::vector<std::vector<double>> out(n);
    for (std::size_t i = 0; i < n; ++i) out[i].assign(c.begin() + i * m, c.begin() + i * m + n);
    return out;
}
