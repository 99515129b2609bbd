// Serial reference of exclusive_scan: one streaming pass that breaks the floating-point add chain.
// Within each group of four elements the partial sums a, a+b, a+b+c, a+b+c+d are formed off the
// critical path; only one add per four elements depends on the running sum, so the loop runs at
// memory speed instead of one add latency per element.
#include <cstddef>
#include <vector>

void exclusive_scan(const std::vector<double> &x, std::vector<double> &y) {
    const std::size_t n = x.size();
    const double *__restrict xp = x.data();
    double *__restrict yp = y.data();
    double s = 0.0;
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        const double a = xp[i], b = a + xp[i + 1], c = b + xp[i + 2], d = c + xp[i + 3];
        yp[i] = s;
        yp[i + 1] = s + a;
        yp[i + 2] = s + b;
        yp[i + 3] = s + c;
        s += d;
    }
    for (; i < n; ++i) {
        yp[i] = s;
        s += xp[i];
    }
}
