// Attack: sloppy work. Conjugate gradient that stops after 38 of the required iterations.
// Expected: wrong_answer (the check cases are chosen so that the iterate still moves at the end).
#include <cstddef>
#include <vector>

void conjugate_gradient(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
                        const std::vector<double> &values, const std::vector<double> &b, std::vector<double> &x,
                        int iterations) {
    iterations = iterations * 38 / 50;
    std::vector<double> r(b), p(b), Ap(n);
    x.assign(n, 0.0);
    double rr = 0.0;
    for (size_t i = 0; i < n; ++i) rr += r[i] * r[i];
    for (int it = 0; it < iterations && rr != 0.0; ++it) {
        for (size_t i = 0; i < n; ++i) {
            double s = 0.0;
            for (size_t k = row_ptr[i]; k < row_ptr[i + 1]; ++k) s += values[k] * p[col_idx[k]];
            Ap[i] = s;
        }
        double pAp = 0.0;
        for (size_t i = 0; i < n; ++i) pAp += p[i] * Ap[i];
        const double alpha = rr / pAp;
        double rr_new = 0.0;
        for (size_t i = 0; i < n; ++i) {
            x[i] += alpha * p[i];
            r[i] -= alpha * Ap[i];
            rr_new += r[i] * r[i];
        }
        for (size_t i = 0; i < n; ++i) p[i] = r[i] + rr_new / rr * p[i];
        rr = rr_new;
    }
}
