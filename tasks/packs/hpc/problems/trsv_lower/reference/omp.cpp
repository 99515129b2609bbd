// OpenMP reference of trsv_lower: blocked row (left-looking) forward substitution. For each block of
// BS rows, the sums of its rows over the already solved x[0:k0) are independent: the block's rows are
// split statically over the threads, four rows at a time (each loaded x[j] used four times). One
// thread then solves the small BS x BS diagonal triangle; the barriers of `omp for` / `omp single`
// order the blocks. One parallel region covers the whole solve.
#include <cstddef>
#include <vector>

namespace {

constexpr std::size_t BS = 128;  // rows per block (a multiple of 4)

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

// x[r] = b[r] - L[r, 0:k0) . x[0:k0) for the rows r of quad q of the block starting at k0 (ends at k1).
void block_residuals(const double *l, const double *bp, double *xp, std::size_t n, std::size_t k0, std::size_t k1,
                     std::size_t q) {
    const std::size_t r0 = k0 + 4 * q;
    if (r0 + 4 <= k1) {
        double s[4];
        dots4(l + r0 * n, n, xp, k0, s);
        for (std::size_t u = 0; u < 4; ++u) xp[r0 + u] = bp[r0 + u] - s[u];
    } else {
        for (std::size_t r = r0; r < k1; ++r) xp[r] = bp[r] - dot(l + r * n, xp, k0);
    }
}

// Rows [k0, k1) given their residuals in x: x[i] = (x[i] - L[i, k0:i) . x[k0:i)) / L[i][i].
void solve_diagonal_block(const double *l, double *xp, std::size_t n, std::size_t k0, std::size_t k1) {
    for (std::size_t i = k0; i < k1; ++i) {
        const double *row = l + i * n;
        xp[i] = (xp[i] - dot(row + k0, xp + k0, i - k0)) / row[i];
    }
}

}  // namespace

void trsv_lower(const std::vector<double> &L, const std::vector<double> &b, std::vector<double> &x, size_t n) {
    const double *l = L.data();
    const double *bp = b.data();
    double *xp = x.data();
#pragma omp parallel if (n > 512)
    {
        for (std::size_t k0 = 0; k0 < n; k0 += BS) {
            const std::size_t k1 = n - k0 < BS ? n : k0 + BS;
            const std::ptrdiff_t quads = static_cast<std::ptrdiff_t>((k1 - k0 + 3) / 4);
#pragma omp for schedule(static)
            for (std::ptrdiff_t q = 0; q < quads; ++q)
                block_residuals(l, bp, xp, n, k0, k1, static_cast<std::size_t>(q));
#pragma omp single
            solve_diagonal_block(l, xp, n, k0, k1);
        }
    }
}
