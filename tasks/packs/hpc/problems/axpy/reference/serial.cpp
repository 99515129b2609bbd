// Serial reference of axpy: a single streaming pass the compiler vectorizes.
#include <cstddef>
#include <vector>

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    const std::size_t n = x.size();
    const double *__restrict xp = x.data();
    double *__restrict yp = y.data();
    for (std::size_t i = 0; i < n; ++i) yp[i] += alpha * xp[i];
}
