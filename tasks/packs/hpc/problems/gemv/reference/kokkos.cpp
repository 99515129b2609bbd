// Kokkos reference of gemv: one static parallel_for over the rows; every row is a dot product with eight independent accumulators.
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <vector>

namespace {

// row . x over n elements; eight accumulators break the add chain and let the compiler pair them
// into SIMD registers (the model allows no `omp simd`).
inline double dot(const double *__restrict row, const double *__restrict x, std::size_t n) {
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, s4 = 0.0, s5 = 0.0, s6 = 0.0, s7 = 0.0;
    std::size_t j = 0;
    for (; j + 8 <= n; j += 8) {
        s0 += row[j] * x[j];
        s1 += row[j + 1] * x[j + 1];
        s2 += row[j + 2] * x[j + 2];
        s3 += row[j + 3] * x[j + 3];
        s4 += row[j + 4] * x[j + 4];
        s5 += row[j + 5] * x[j + 5];
        s6 += row[j + 6] * x[j + 6];
        s7 += row[j + 7] * x[j + 7];
    }
    for (; j < n; ++j) s0 += row[j] * x[j];
    return ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7));
}

}  // namespace

void gemv(const std::vector<double> &A, const std::vector<double> &x, std::vector<double> &y, size_t m, size_t n) {
    const double *a = A.data();
    const double *xp = x.data();
    double *yp = y.data();
    if (m * n <= 50000) {  // small matrix: parallel overhead would dominate
        for (std::size_t i = 0; i < m; ++i) yp[i] = dot(a + i * n, xp, n);
        return;
    }
    // static schedule: equal work per row
    Kokkos::parallel_for(
        "gemv", Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace, Kokkos::Schedule<Kokkos::Static>>(0, m),
        KOKKOS_LAMBDA(const std::size_t i) { yp[i] = dot(a + i * n, xp, n); });
    Kokkos::fence();
}
