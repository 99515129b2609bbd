// Deliberately wrong sigmoid: the textbook exp(t) / (1 + exp(t)) for every t, which overflows to
// inf / inf = NaN once t passes about 709.8 (the check cases hold such elements).
#include <cmath>
#include <cstddef>
#include <vector>

void sigmoid(const std::vector<double> &x, double scale, double shift, std::vector<double> &y) {
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double e = std::exp(scale * x[i] + shift);
        y[i] = e / (1.0 + e);
    }
}
