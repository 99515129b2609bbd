// Serial reference of min_max: four independent lanes of branch-free compare-selects (minsd/maxsd)
// instead of two data-dependent branches per element; runs at memory bandwidth.
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
    range_min_max(x.data(), 0, x.size(), min_value, max_value);
}
