// Serial reference of dot_product: eight independent accumulators (the compiler keeps them in four
// SSE2 registers), which breaks the add latency chain of a single running sum; the loop then runs
// at memory bandwidth. The partial sums are combined pairwise.
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
    return dot(x.data(), y.data(), x.size());
}
