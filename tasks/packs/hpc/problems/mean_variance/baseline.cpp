// Sequential baseline of mean_variance: the two-pass algorithm (the mean, then the sum of squared
// deviations from it), each pass one running sum in order.
#include <cstddef>
#include <vector>

void mean_variance(const std::vector<double> &x, double &mean, double &variance) {
    const std::size_t n = x.size();
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) sum += x[i];
    const double m = sum / static_cast<double>(n);
    double ss = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
        ss += (x[k] - m) * (x[k] - m);
    }
    mean = m;
    variance = ss / static_cast<double>(n);
}
