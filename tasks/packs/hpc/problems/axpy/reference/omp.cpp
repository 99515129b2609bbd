// OpenMP reference of axpy: static contiguous chunks per thread, vectorized inner loop.
#include <cstddef>
#include <vector>

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    const std::ptrdiff_t n = static_cast<std::ptrdiff_t>(x.size());
    const double *__restrict xp = x.data();
    double *__restrict yp = y.data();
#pragma omp parallel for simd schedule(static) if (n > 20000)
    for (std::ptrdiff_t i = 0; i < n; ++i) yp[i] += alpha * xp[i];
}
