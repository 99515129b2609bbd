// Near miss (dot products in single precision): must fail the check (hpceval validate).
// `iterations` iterations unless the residual becomes exactly zero.
#include <cstddef>
#include <vector>

void conjugate_gradient(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
                        const std::vector<double> &values, const std::vector<double> &b, std::vector<double> &x,
                        int iterations) {
    std::vector<double> r(n), p(n), Ap(n);
    for (size_t i = 0; i < n; ++i) {
        x[i] = 0.0;
        r[i] = b[i];
        p[i] = b[i];
    }
    double rr = 0.0;
    for (size_t i = 0; i < n; ++i) rr += r[i] * r[i];

    for (int it = 0; it < iterations; ++it) {
        if (rr == 0.0) break;
        // Ap = A p
        for (size_t i = 0; i < n; ++i) {
            double sum = 0.0;
            for (size_t k = row_ptr[i]; k < row_ptr[i + 1]; ++k) sum += values[k] * p[col_idx[k]];
            Ap[i] = sum;
        }
        float pAp = 0.0f;
        for (size_t i = 0; i < n; ++i) pAp += p[i] * Ap[i];
        const double alpha = rr / pAp;
        for (size_t i = 0; i < n; ++i) x[i] += alpha * p[i];
        for (size_t i = 0; i < n; ++i) r[i] -= alpha * Ap[i];
        float rr_new = 0.0f;
        for (size_t i = 0; i < n; ++i) rr_new += r[i] * r[i];
        const double beta = rr_new / rr;
        for (size_t i = 0; i < n; ++i) p[i] = r[i] + beta * p[i];
        rr = rr_new;
    }
}
