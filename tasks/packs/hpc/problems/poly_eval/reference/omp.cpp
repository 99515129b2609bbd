// OpenMP reference of poly_eval: the elements are split statically into one contiguous range per
// thread (every element costs the same), each range a multiple of L elements but the last; within
// a range Horner's rule runs on L elements at once (independent multiply-add chains in a
// branch-free, vectorized lane loop), so the results equal the plain loop's.
#include <omp.h>

#include <algorithm>
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

// Elements [lo, hi): blocks of L, then the rest one at a time.
void eval_range(const double *c, std::size_t d, const double *xp, double *yp, std::size_t lo, std::size_t hi) {
    std::size_t i = lo;
    for (; i + L <= hi; i += L) horner_block(c, d, xp + i, yp + i);
    for (; i < hi; ++i) {
        double acc = c[d];
        for (std::size_t k = d; k-- > 0;) acc = acc * xp[i] + c[k];
        yp[i] = acc;
    }
}

}  // namespace

void poly_eval(const std::vector<double> &coeffs, const std::vector<double> &x, std::vector<double> &y) {
    const double *c = coeffs.data();
    const std::size_t d = coeffs.size() - 1, n = x.size();
    const double *xp = x.data();
    double *yp = y.data();
#pragma omp parallel if (n * (d + 1) > 100000)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        const std::size_t blocks = (n + L - 1) / L;
        const std::size_t lo = std::min(n, (blocks * t / nt) * L), hi = std::min(n, (blocks * (t + 1) / nt) * L);
        eval_range(c, d, xp, yp, lo, hi);
    }
}
