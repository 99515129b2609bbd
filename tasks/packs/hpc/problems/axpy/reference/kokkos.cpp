// Kokkos reference of axpy: one parallel_for over the elements on the host execution space (OpenMP).
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <vector>

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    const double *xp = x.data();
    double *yp = y.data();
    Kokkos::parallel_for(
        "axpy", Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>(0, x.size()),
        KOKKOS_LAMBDA(const std::size_t i) { yp[i] += alpha * xp[i]; });
}
