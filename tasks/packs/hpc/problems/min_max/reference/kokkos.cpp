// Kokkos reference of min_max: a parallel_reduce with the Kokkos::MinMax reducer over 8192-element blocks.
// Each block is scanned by a branch-free four-lane kernel.
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <limits>
#include <vector>

namespace {

constexpr std::size_t BLOCK = 8192;

// The minimum and maximum of x[lo, hi) into mn, mx: four independent lanes of branch-free
// compare-selects (minsd/maxsd), combined at the end.
inline void block_min_max(const double *__restrict x, std::size_t lo, std::size_t hi, double &mn, double &mx) {
    const double inf = std::numeric_limits<double>::infinity();
    double a[4] = {inf, inf, inf, inf}, b[4] = {-inf, -inf, -inf, -inf};
    std::size_t i = lo;
    for (; i + 4 <= hi; i += 4) {
        for (int u = 0; u < 4; ++u) {
            const double v = x[i + u];
            a[u] = v < a[u] ? v : a[u];
            b[u] = v > b[u] ? v : b[u];
        }
    }
    for (; i < hi; ++i) {
        a[0] = x[i] < a[0] ? x[i] : a[0];
        b[0] = x[i] > b[0] ? x[i] : b[0];
    }
    for (int u = 1; u < 4; ++u) {
        a[0] = a[u] < a[0] ? a[u] : a[0];
        b[0] = b[u] > b[0] ? b[u] : b[0];
    }
    mn = a[0];
    mx = b[0];
}

}  // namespace

void min_max(const std::vector<double> &x, double &min_value, double &max_value) {
    const std::size_t n = x.size();
    const double *xp = x.data();
    if (n <= 50000) {  // small: parallel overhead would dominate
        block_min_max(xp, 0, n, min_value, max_value);
        return;
    }
    using MM = Kokkos::MinMax<double, Kokkos::HostSpace>;
    MM::value_type result;
    Kokkos::parallel_reduce(
        "min_max", Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>(0, (n + BLOCK - 1) / BLOCK),
        KOKKOS_LAMBDA(const std::size_t b, MM::value_type &acc) {
            const std::size_t lo = b * BLOCK, hi = lo + BLOCK < n ? lo + BLOCK : n;
            double mn = 0.0, mx = 0.0;
            block_min_max(xp, lo, hi, mn, mx);
            acc.min_val = mn < acc.min_val ? mn : acc.min_val;
            acc.max_val = mx > acc.max_val ? mx : acc.max_val;
        },
        MM(result));
    min_value = result.min_val;
    max_value = result.max_val;
}
