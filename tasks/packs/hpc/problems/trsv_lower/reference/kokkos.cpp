// Kokkos reference of trsv_lower: blocked left-looking forward substitution by one TeamPolicy team of all threads; per block of 128 rows the members split the rows' residuals over the solved x (four rows at a time), then after one team barrier each member solves the small diagonal triangle into its own copy of x.
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <memory>
#include <vector>

namespace {

constexpr std::size_t ROWS = 128;  // rows per block (a multiple of 4)

// s[q] = L row (q) . x over len entries for four consecutive rows starting at a (row stride n).
void four_dots(const double *__restrict a, std::size_t n, const double *__restrict x, std::size_t len,
               double *__restrict s) {
    const double *a0 = a, *a1 = a + n, *a2 = a + 2 * n, *a3 = a + 3 * n;
    double p0[2] = {0.0, 0.0}, p1[2] = {0.0, 0.0}, p2[2] = {0.0, 0.0}, p3[2] = {0.0, 0.0};
    std::size_t j = 0;
    for (; j + 2 <= len; j += 2) {
        for (int u = 0; u < 2; ++u) {
            const double xv = x[j + u];
            p0[u] += a0[j + u] * xv;
            p1[u] += a1[j + u] * xv;
            p2[u] += a2[j + u] * xv;
            p3[u] += a3[j + u] * xv;
        }
    }
    for (; j < len; ++j) {
        p0[0] += a0[j] * x[j];
        p1[0] += a1[j] * x[j];
        p2[0] += a2[j] * x[j];
        p3[0] += a3[j] * x[j];
    }
    s[0] = p0[0] + p0[1];
    s[1] = p1[0] + p1[1];
    s[2] = p2[0] + p2[1];
    s[3] = p3[0] + p3[1];
}

double one_dot(const double *__restrict a, const double *__restrict x, std::size_t len) {
    double s0 = 0.0, s1 = 0.0;
    std::size_t j = 0;
    for (; j + 2 <= len; j += 2) {
        s0 += a[j] * x[j];
        s1 += a[j + 1] * x[j + 1];
    }
    if (j < len) s0 += a[j] * x[j];
    return s0 + s1;
}

// res[r - k0] = b[r] - L[r, 0:k0) . x[0:k0) for the rows r of quad q of the block [k0, k1).
void quad_residuals(const double *l, const double *bp, const double *xp, double *res, std::size_t n, std::size_t k0,
                    std::size_t k1, std::size_t q) {
    const std::size_t r0 = k0 + 4 * q;
    if (r0 + 4 <= k1) {
        double s[4];
        four_dots(l + r0 * n, n, xp, k0, s);
        for (std::size_t u = 0; u < 4; ++u) res[r0 + u - k0] = bp[r0 + u] - s[u];
    } else {
        for (std::size_t r = r0; r < k1; ++r) res[r - k0] = bp[r] - one_dot(l + r * n, xp, k0);
    }
}

// Rows [k0, k1) from their residuals: x[i] = (x[i] - L[i, k0:i) . x[k0:i)) / L[i][i].
void diagonal_solve(const double *l, double *xp, std::size_t n, std::size_t k0, std::size_t k1) {
    for (std::size_t i = k0; i < k1; ++i) {
        const double *row = l + i * n;
        xp[i] = (xp[i] - one_dot(row + k0, xp + k0, i - k0)) / row[i];
    }
}

}  // namespace

void trsv_lower(const std::vector<double> &L, const std::vector<double> &b, std::vector<double> &x, size_t n) {
    const double *l = L.data();
    const double *bp = b.data();
    double *xp = x.data();
    if (n <= 512) {
        for (std::size_t k0 = 0; k0 < n; k0 += ROWS) {
            const std::size_t k1 = n - k0 < ROWS ? n : k0 + ROWS;
            for (std::size_t q = 0; q < (k1 - k0 + 3) / 4; ++q) quad_residuals(l, bp, xp, xp + k0, n, k0, k1, q);
            diagonal_solve(l, xp, n, k0, k1);
        }
        return;
    }
    // One team of all threads for the whole solve (one launch). Per block the members split its quads of
    // rows statically and write the rows' residuals to a shared buffer; after one team barrier every
    // member solves the small diagonal triangle itself, into its own copy of x (member 0's copy is x),
    // so no member idles while another solves it and one barrier per block suffices. The residual buffer
    // is double-buffered: block b + 2 overwrites it only after every member has passed block b + 1's
    // barrier, that is, has finished reading it.
    using Team = Kokkos::TeamPolicy<Kokkos::DefaultHostExecutionSpace>;
    const int T = Kokkos::DefaultHostExecutionSpace::concurrency();
    std::unique_ptr<double[]> copies(new double[(T > 1 ? T - 1 : 1) * n]);
    std::unique_ptr<double[]> resid(new double[2 * ROWS]);
    double *cp = copies.get(), *rs = resid.get();
    Kokkos::parallel_for(
        "trsv_team", Team(1, T), KOKKOS_LAMBDA(const Team::member_type &team) {
            const std::size_t parts = static_cast<std::size_t>(team.team_size());
            const std::size_t r = static_cast<std::size_t>(team.team_rank());
            double *mx = r == 0 ? xp : cp + (r - 1) * n;  // this member's x
            for (std::size_t k0 = 0, blk = 0; k0 < n; k0 += ROWS, ++blk) {
                const std::size_t k1 = n - k0 < ROWS ? n : k0 + ROWS;
                const std::size_t quads = (k1 - k0 + 3) / 4;
                double *res = rs + (blk & 1) * ROWS;
                for (std::size_t q = quads * r / parts; q < quads * (r + 1) / parts; ++q)
                    quad_residuals(l, bp, mx, res, n, k0, k1, q);
                team.team_barrier();  // every residual of the block is in res
                for (std::size_t i = k0; i < k1; ++i) mx[i] = res[i - k0];
                diagonal_solve(l, mx, n, k0, k1);
            }
        });
    Kokkos::fence();
}
