// Kokkos reference of poly_eval: a static parallel_for over blocks of 16 elements, Horner on 16 lanes at once.
// The 16 independent multiply-add chains of a block vectorize.
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <vector>

namespace {

constexpr std::size_t LANES = 16;  // elements evaluated together

inline void horner_block(const double *__restrict c, std::size_t d, const double *__restrict x,
                         double *__restrict y) {
    double acc[LANES];
    for (std::size_t l = 0; l < LANES; ++l) acc[l] = c[d];
    for (std::size_t k = d; k-- > 0;) {
        const double ck = c[k];
        for (std::size_t l = 0; l < LANES; ++l) acc[l] = acc[l] * x[l] + ck;
    }
    for (std::size_t l = 0; l < LANES; ++l) y[l] = acc[l];
}

// Elements [lo, hi): blocks of LANES, then the rest one at a time.
inline void eval_range(const double *c, std::size_t d, const double *xp, double *yp, std::size_t lo, std::size_t hi) {
    std::size_t i = lo;
    for (; i + LANES <= hi; i += LANES) horner_block(c, d, xp + i, yp + i);
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
    if (n * (d + 1) <= 100000) {  // small: parallel overhead would dominate
        eval_range(c, d, xp, yp, 0, n);
        return;
    }
    Kokkos::parallel_for(
        "poly_eval",
        Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace, Kokkos::Schedule<Kokkos::Static>>(
            0, (n + LANES - 1) / LANES),
        KOKKOS_LAMBDA(const std::size_t b) {
            const std::size_t lo = b * LANES;
            eval_range(c, d, xp, yp, lo, lo + LANES < n ? lo + LANES : n);
        });
    Kokkos::fence();
}
