// OpenMP reference of dot_product: one contiguous block per thread (static split), each summed
// with eight independent accumulators (SSE2, no add latency chain), the thread totals combined by
// an OpenMP reduction. Memory-bound: two threads draw more memory bandwidth than one.
#include <omp.h>

#include <cstddef>
#include <vector>

namespace {

double dot(const double *__restrict x, const double *__restrict y, std::size_t n) {
    double s[8] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8)
        for (int u = 0; u < 8; ++u) s[u] += x[i + u] * y[i + u];
    for (; i < n; ++i) s[0] += x[i] * y[i];
    return ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
}

}  // namespace

double dot_product(const std::vector<double> &x, const std::vector<double> &y) {
    const std::size_t n = x.size();
    const double *xp = x.data();
    const double *yp = y.data();
    double total = 0.0;
#pragma omp parallel reduction(+ : total) if (n > 50000)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        const std::size_t lo = n * t / nt, hi = n * (t + 1) / nt;
        total += dot(xp + lo, yp + lo, hi - lo);
    }
    return total;
}
