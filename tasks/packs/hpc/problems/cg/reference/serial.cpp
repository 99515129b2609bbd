// Serial reference of conjugate_gradient: the CG recurrences with the vector updates fused into
// as few passes as possible (Ap and p.Ap in one pass; x, r and r.r in one pass; then p), raw
// restrict pointers, no reallocation inside the loop.
#include <cstddef>
#include <vector>

void conjugate_gradient(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
                        const std::vector<double> &values, const std::vector<double> &b, std::vector<double> &x,
                        int iterations) {
    x.assign(n, 0.0);
    std::vector<double> rv(b), pv(b), apv(n);
    const std::size_t *__restrict rp = row_ptr.data();
    const std::size_t *__restrict ci = col_idx.data();
    const double *__restrict va = values.data();
    double *__restrict xp = x.data();
    double *__restrict r = rv.data();
    double *__restrict p = pv.data();
    double *__restrict ap = apv.data();

    double rr = 0.0;
    for (std::size_t i = 0; i < n; ++i) rr += r[i] * r[i];
    for (int it = 0; it < iterations && rr != 0.0; ++it) {
        double pap = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            double s = 0.0;
            for (std::size_t k = rp[i]; k < rp[i + 1]; ++k) s += va[k] * p[ci[k]];
            ap[i] = s;
            pap += p[i] * s;
        }
        const double alpha = rr / pap;
        double rr_new = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            xp[i] += alpha * p[i];
            r[i] -= alpha * ap[i];
            rr_new += r[i] * r[i];
        }
        const double beta = rr_new / rr;
        for (std::size_t i = 0; i < n; ++i) p[i] = r[i] + beta * p[i];
        rr = rr_new;
    }
}
