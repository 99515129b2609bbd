// Serial reference of trsv_lower: forward substitution four rows at a time. The four rows' sums over
// the already solved x[0:i) are computed together (every loaded x[j] is used four times, two
// independent accumulators per row break the add chains), then the 4 x 4 diagonal triangle is solved.
#include <cstddef>
#include <vector>

namespace {

// out[q] = sum over j < len of a[q * n + j] * x[j], q = 0..3.
void dots4(const double *__restrict a, std::size_t n, const double *__restrict x, std::size_t len,
           double *__restrict out) {
    const double *a0 = a, *a1 = a + n, *a2 = a + 2 * n, *a3 = a + 3 * n;
    double s0[2] = {0.0, 0.0}, s1[2] = {0.0, 0.0}, s2[2] = {0.0, 0.0}, s3[2] = {0.0, 0.0};
    std::size_t j = 0;
    for (; j + 2 <= len; j += 2) {
        for (int u = 0; u < 2; ++u) {
            const double xv = x[j + u];
            s0[u] += a0[j + u] * xv;
            s1[u] += a1[j + u] * xv;
            s2[u] += a2[j + u] * xv;
            s3[u] += a3[j + u] * xv;
        }
    }
    for (; j < len; ++j) {
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

double dot(const double *__restrict a, const double *__restrict x, std::size_t len) {
    double s0 = 0.0, s1 = 0.0;
    std::size_t j = 0;
    for (; j + 2 <= len; j += 2) {
        s0 += a[j] * x[j];
        s1 += a[j + 1] * x[j + 1];
    }
    if (j < len) s0 += a[j] * x[j];
    return s0 + s1;
}

}  // namespace

void trsv_lower(const std::vector<double> &L, const std::vector<double> &b, std::vector<double> &x, size_t n) {
    const double *l = L.data();
    const double *bp = b.data();
    double *xp = x.data();
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        double s[4];
        dots4(l + i * n, n, xp, i, s);
        // The 4 x 4 triangle of rows i..i+3, columns i..i+3.
        for (std::size_t q = 0; q < 4; ++q) {
            const double *row = l + (i + q) * n;
            double r = bp[i + q] - s[q];
            for (std::size_t c = 0; c < q; ++c) r -= row[i + c] * xp[i + c];
            xp[i + q] = r / row[i + q];
        }
    }
    for (; i < n; ++i) xp[i] = (bp[i] - dot(l + i * n, xp, i)) / l[i * n + i];
}
