// Serial reference of gemv: row-wise dot products with four independent accumulators, which
// breaks the floating-point add dependency chain and lets the compiler use SIMD; four rows are
// processed together so every loaded element of x is reused four times.
#include <cstddef>
#include <vector>

namespace {

double dot(const double *__restrict a, const double *__restrict x, std::size_t n) {
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    std::size_t j = 0;
    for (; j + 4 <= n; j += 4) {
        s0 += a[j] * x[j];
        s1 += a[j + 1] * x[j + 1];
        s2 += a[j + 2] * x[j + 2];
        s3 += a[j + 3] * x[j + 3];
    }
    for (; j < n; ++j) s0 += a[j] * x[j];
    return (s0 + s1) + (s2 + s3);
}

void dot4(const double *__restrict a, std::size_t n, const double *__restrict x, double *__restrict out) {
    const double *a0 = a, *a1 = a + n, *a2 = a + 2 * n, *a3 = a + 3 * n;
    double s0[2] = {0.0, 0.0}, s1[2] = {0.0, 0.0}, s2[2] = {0.0, 0.0}, s3[2] = {0.0, 0.0};
    std::size_t j = 0;
    for (; j + 2 <= n; j += 2) {
        for (int u = 0; u < 2; ++u) {
            const double xv = x[j + u];
            s0[u] += a0[j + u] * xv;
            s1[u] += a1[j + u] * xv;
            s2[u] += a2[j + u] * xv;
            s3[u] += a3[j + u] * xv;
        }
    }
    for (; j < n; ++j) {
        s0[0] += a0[j] * x[j];
        s1[0] += a1[j] * x[j];
        s2[0] += a2[j] * x[j];
        s3[0] += a3[j] * x[j];
    }
    out[0] = s0[0] + s0[1];
    out[1] = s1[0] + s1[1];
    out[2] = s2[0] + s2[1];
    out[3] = s3[0] + s3[1];
}

}  // namespace

void gemv(const std::vector<double> &A, const std::vector<double> &x, std::vector<double> &y, size_t m, size_t n) {
    const double *a = A.data();
    const double *xp = x.data();
    double *yp = y.data();
    std::size_t i = 0;
    for (; i + 4 <= m; i += 4) dot4(a + i * n, n, xp, yp + i);
    for (; i < m; ++i) yp[i] = dot(a + i * n, xp, n);
}
