// Serial reference of prefix_max: one streaming pass that breaks the dependency chain of the running
// maximum. Within each group of four elements the partial maxima are formed off the critical path;
// only one max per four elements depends on the running maximum, so the loop runs at memory speed
// instead of one max latency per element.
#include <cstddef>
#include <vector>

namespace {

inline double dmax(double a, double b) { return a < b ? b : a; }

}  // namespace

void prefix_max(const std::vector<double> &x, std::vector<double> &y) {
    const std::size_t n = x.size();
    const double *__restrict xp = x.data();
    double *__restrict yp = y.data();
    double m = xp[0];
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        const double a = xp[i], b = dmax(a, xp[i + 1]), c = dmax(b, xp[i + 2]), d = dmax(c, xp[i + 3]);
        yp[i] = dmax(m, a);
        yp[i + 1] = dmax(m, b);
        yp[i + 2] = dmax(m, c);
        yp[i + 3] = dmax(m, d);
        m = dmax(m, d);
    }
    for (; i < n; ++i) {
        m = dmax(m, xp[i]);
        yp[i] = m;
    }
}
