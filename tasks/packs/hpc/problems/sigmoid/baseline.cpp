// Sequential baseline of sigmoid: the stable two-branch formula with std::exp, one element at a time
// (exp of a non-positive argument only, so nothing overflows).
#include <cmath>
#include <cstddef>
#include <vector>

void sigmoid(const std::vector<double> &x, double scale, double shift, std::vector<double> &y) {
    const std::size_t n = x.size();
    for (std::size_t i = 0; i < n; ++i) {
        const double t = scale * x[i] + shift;
        if (t >= 0.0) {
            y[i] = 1.0 / (1.0 + std::exp(-t));
        } else {
            const double e = std::exp(t);
            y[i] = e / (1.0 + e);
        }
    }
}
