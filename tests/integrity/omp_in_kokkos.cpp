// Attack: wrong model. A kokkos task answered with OpenMP, plus a token Kokkos call so that Kokkos "is used".
// Expected: wrong_model (the source check: a kokkos task parallelizes with Kokkos patterns only).
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <vector>

void gemv(const std::vector<double> &A, const std::vector<double> &x, std::vector<double> &y, size_t m, size_t n) {
    double *yp = y.data();
    Kokkos::parallel_for(1, KOKKOS_LAMBDA(int) { yp[0] = 0.0; });
#pragma omp parallel for schedule(static)
    for (size_t i = 0; i < m; ++i) {
        double sum = 0.0;
        for (size_t j = 0; j < n; ++j) sum += A[i * n + j] * x[j];
        y[i] = sum;
    }
}
