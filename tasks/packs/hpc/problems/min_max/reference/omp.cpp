// OpenMP reference of min_max: one contiguous range per thread, reduced with the serial
// reference's branch-free four-lane kernel; OpenMP min/max reductions combine the threads.
#include <omp.h>

#include <cstddef>
#include <limits>
#include <vector>

namespace {

// The minimum and maximum of x[lo, hi) into mn, mx (+inf and -inf for an empty range): four
// independent lanes of branch-free compare-selects (minsd/maxsd, no dependency on a branch),
// combined at the end.
void range_min_max(const double *__restrict x, std::size_t lo, std::size_t hi, double &mn, double &mx) {
    const double inf = std::numeric_limits<double>::infinity();
    double a[4] = {inf, inf, inf, inf}, b[4] = {-inf, -inf, -inf, -inf};
    std::size_t i = lo;
    for (; i + 4 <= hi; i += 4)
        for (int u = 0; u < 4; ++u) {
            const double v = x[i + u];
            a[u] = v < a[u] ? v : a[u];
            b[u] = v > b[u] ? v : b[u];
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
    double mn = std::numeric_limits<double>::infinity(), mx = -mn;
#pragma omp parallel reduction(min : mn) reduction(max : mx) if (n > 50000)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        double a = 0.0, b = 0.0;
        range_min_max(xp, n * t / nt, n * (t + 1) / nt, a, b);
        mn = a < mn ? a : mn;
        mx = b > mx ? b : mx;
    }
    min_value = mn;
    max_value = mx;
}
