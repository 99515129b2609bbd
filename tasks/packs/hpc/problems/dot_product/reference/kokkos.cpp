// Kokkos reference of dot_product: a parallel_reduce (sum) over one contiguous block per host thread, each block summed with eight independent accumulators (vectorized, no add latency chain).
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <vector>

namespace {

// x . y over n elements with eight interleaved partial sums.
double block_dot(const double *__restrict x, const double *__restrict y, std::size_t n) {
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
    if (n <= 50000) return block_dot(xp, yp, n);
    using Exec = Kokkos::DefaultHostExecutionSpace;
    const std::size_t nb = static_cast<std::size_t>(Exec::concurrency() > 0 ? Exec::concurrency() : 1);
    double total = 0.0;
    Kokkos::parallel_reduce(
        "dot_product", Kokkos::RangePolicy<Exec>(0, nb),
        KOKKOS_LAMBDA(const std::size_t b, double &acc) {
            const std::size_t lo = n * b / nb, hi = n * (b + 1) / nb;
            acc += block_dot(xp + lo, yp + lo, hi - lo);
        },
        total);
    return total;
}
