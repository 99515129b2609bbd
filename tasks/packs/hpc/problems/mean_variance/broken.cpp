// Deliberately wrong mean_variance: the sample variance (divides by n - 1) instead of the
// population variance; 0 for a single element.
#include <cstddef>
#include <vector>

void mean_variance(const std::vector<double> &x, double &mean, double &variance) {
    const std::size_t n = x.size();
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) sum += x[i];
    mean = sum / static_cast<double>(n);
    double ss = 0.0;
    for (std::size_t i = 0; i < n; ++i) ss += (x[i] - mean) * (x[i] - mean);
    variance = n > 1 ? ss / static_cast<double>(n - 1) : 0.0;
}
