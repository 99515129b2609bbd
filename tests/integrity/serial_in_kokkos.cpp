// Attack: wrong model. A token Kokkos::parallel_for over one row passes the source check of a kokkos task;
// every other row is computed serially on the calling thread. Expected: wrong_model (one thread worked).
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <vector>

void gemv(const std::vector<double> &A, const std::vector<double> &x, std::vector<double> &y, size_t m, size_t n) {
    const double *a = A.data(), *xp = x.data();
    double *yp = y.data();
    Kokkos::parallel_for(1, KOKKOS_LAMBDA(int) {
        double sum = 0.0;
        for (size_t j = 0; j < n; ++j) sum += a[j] * xp[j];
        yp[0] = sum;
    });
    for (size_t i = 1; i < m; ++i) {
        double sum = 0.0;
        for (size_t j = 0; j < n; ++j) sum += a[i * n + j] * xp[j];
        yp[i] = sum;
    }
}
