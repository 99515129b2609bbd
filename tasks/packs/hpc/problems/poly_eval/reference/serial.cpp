// Serial reference of poly_eval: Horner's rule on L elements at once. The one-element loop is bound
// by the latency of its multiply-add chain (d dependent steps per element); running L independent
// chains side by side in a branch-free lane loop lets the compiler vectorize it and keeps the
// floating-point units busy. Each element sees exactly Horner's operations, so the results equal
// the plain loop's.
#include <cstddef>
#include <vector>

namespace {

constexpr std::size_t L = 16;  // elements evaluated together

void horner_block(const double *__restrict c, std::size_t d, const double *__restrict x, double *__restrict y) {
    double acc[L];
    for (std::size_t l = 0; l < L; ++l) acc[l] = c[d];
    for (std::size_t k = d; k-- > 0;) {
        const double ck = c[k];
        for (std::size_t l = 0; l < L; ++l) acc[l] = acc[l] * x[l] + ck;
    }
    for (std::size_t l = 0; l < L; ++l) y[l] = acc[l];
}

}  // namespace

void poly_eval(const std::vector<double> &coeffs, const std::vector<double> &x, std::vector<double> &y) {
    const double *c = coeffs.data();
    const std::size_t d = coeffs.size() - 1, n = x.size();
    const double *xp = x.data();
    double *yp = y.data();
    std::size_t i = 0;
    for (; i + L <= n; i += L) horner_block(c, d, xp + i, yp + i);
    for (; i < n; ++i) {
        double acc = c[d];
        for (std::size_t k = d; k-- > 0;) acc = acc * xp[i] + c[k];
        yp[i] = acc;
    }
}
