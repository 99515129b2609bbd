// Deliberately wrong circular_convolution: a direct sum that indexes b with (j - k) instead of
// (k - j), i.e. it computes the circular cross-correlation.
#include <cstddef>
#include <vector>

void circular_convolution(const std::vector<double> &a, const std::vector<double> &b, std::vector<double> &c,
                          size_t n) {
    for (size_t k = 0; k < n; ++k) {
        double sum = 0.0;
        for (size_t j = 0; j < n; ++j) sum += a[j] * b[(j + n - k) % n];
        c[k] = sum;
    }
}
