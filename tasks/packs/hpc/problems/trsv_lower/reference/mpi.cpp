// MPI reference of trsv_lower: blocked row (left-looking) forward substitution. Every rank holds L
// and keeps a full copy of x. For each block of BS rows, the rows' sums over the already solved
// x[0:k0) are split into one contiguous range of row quads per rank (four rows share every load of x);
// one MPI_Allreduce of the block's BS residuals (each set by exactly one rank, 0 elsewhere) gives every
// rank all of them, and every rank solves the small diagonal triangle itself, so all ranks (rank 0
// included) end with the complete x and no gather is needed.
#include <mpi.h>

#include <cstddef>
#include <vector>

namespace {

constexpr std::size_t BS = 128;  // rows per block (a multiple of 4): one MPI_Allreduce per block

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

// res[r - k0] = b[r] - L[r, 0:k0) . x[0:k0) for the rows r of quad q of the block starting at k0 (ends at k1).
void block_residuals(const double *l, const double *bp, const double *xp, double *res, std::size_t n,
                     std::size_t k0, std::size_t k1, std::size_t q) {
    const std::size_t r0 = k0 + 4 * q;
    if (r0 + 4 <= k1) {
        double s[4];
        dots4(l + r0 * n, n, xp, k0, s);
        for (std::size_t u = 0; u < 4; ++u) res[r0 + u - k0] = bp[r0 + u] - s[u];
    } else {
        for (std::size_t r = r0; r < k1; ++r) res[r - k0] = bp[r] - dot(l + r * n, xp, k0);
    }
}

// Block [lo, hi) of n items owned by `rank` out of `size` ranks (sizes differ by at most one).
void block_range(std::size_t n, int rank, int size, std::size_t &lo, std::size_t &hi) {
    const std::size_t p = static_cast<std::size_t>(size), r = static_cast<std::size_t>(rank);
    const std::size_t base = n / p, extra = n % p;
    lo = r * base + (r < extra ? r : extra);
    hi = lo + base + (r < extra ? 1 : 0);
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
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const double *l = L.data();
    const double *bp = b.data();
    double *xp = x.data();
    double res[BS];
    for (std::size_t k0 = 0; k0 < n; k0 += BS) {
        const std::size_t k1 = n - k0 < BS ? n : k0 + BS;
        const std::size_t rows = k1 - k0;
        std::size_t q0 = 0, q1 = 0;
        block_range((rows + 3) / 4, rank, size, q0, q1);
        for (std::size_t r = 0; r < rows; ++r) res[r] = 0.0;
        const std::ptrdiff_t pq0 = static_cast<std::ptrdiff_t>(q0), pq1 = static_cast<std::ptrdiff_t>(q1);
        for (std::ptrdiff_t q = pq0; q < pq1; ++q)
            block_residuals(l, bp, xp, res, n, k0, k1, static_cast<std::size_t>(q));
        // Every residual comes from exactly one rank (the others contribute 0.0): the sum is exact.
        if (size > 1) MPI_Allreduce(MPI_IN_PLACE, res, static_cast<int>(rows), MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
        for (std::size_t r = 0; r < rows; ++r) xp[k0 + r] = res[r];
        solve_diagonal_block(l, xp, n, k0, k1);
    }
}
