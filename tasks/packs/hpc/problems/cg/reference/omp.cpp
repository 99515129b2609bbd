// OpenMP reference of conjugate_gradient: every pass of an iteration is a statically scheduled
// parallel loop (the same thread always owns the same index range, so its parts of r, p, Ap and x
// stay in its cache); the matrix-vector product is fused with p.Ap and the x/r updates with r.r,
// using OpenMP reductions for the dot products.
#include <cstddef>
#include <vector>

void conjugate_gradient(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
                        const std::vector<double> &values, const std::vector<double> &b, std::vector<double> &x,
                        int iterations) {
    x.resize(n);
    std::vector<double> rv(n), pv(n), apv(n);
    const std::size_t *__restrict rp = row_ptr.data();
    const std::size_t *__restrict ci = col_idx.data();
    const double *__restrict va = values.data();
    const double *__restrict bp = b.data();
    double *__restrict xp = x.data();
    double *__restrict r = rv.data();
    double *__restrict p = pv.data();
    double *__restrict ap = apv.data();
    const std::ptrdiff_t len = static_cast<std::ptrdiff_t>(n);
    const bool par = n > 5000;

    double rr = 0.0;
#pragma omp parallel for schedule(static) reduction(+ : rr) if (par)
    for (std::ptrdiff_t i = 0; i < len; ++i) {
        xp[i] = 0.0;
        r[i] = bp[i];
        p[i] = bp[i];
        rr += bp[i] * bp[i];
    }
    for (int it = 0; it < iterations && rr != 0.0; ++it) {
        double pap = 0.0;
#pragma omp parallel for schedule(static) reduction(+ : pap) if (par)
        for (std::ptrdiff_t i = 0; i < len; ++i) {
            double s = 0.0;
            for (std::size_t k = rp[i]; k < rp[i + 1]; ++k) s += va[k] * p[ci[k]];
            ap[i] = s;
            pap += p[i] * s;
        }
        const double alpha = rr / pap;
        double rr_new = 0.0;
#pragma omp parallel for schedule(static) reduction(+ : rr_new) if (par)
        for (std::ptrdiff_t i = 0; i < len; ++i) {
            xp[i] += alpha * p[i];
            r[i] -= alpha * ap[i];
            rr_new += r[i] * r[i];
        }
        const double beta = rr_new / rr;
#pragma omp parallel for schedule(static) if (par)
        for (std::ptrdiff_t i = 0; i < len; ++i) p[i] = r[i] + beta * p[i];
        rr = rr_new;
    }
}
