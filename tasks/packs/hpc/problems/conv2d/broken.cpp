// Deliberately wrong conv2d: the window is not centred: it starts at the pixel itself (rows i..i+k-1,
// columns j..j+k-1) instead of k / 2 before it.
#include <cstddef>
#include <vector>

void conv2d(const std::vector<double> &image, size_t m, size_t n, const std::vector<double> &kernel, size_t k,
            std::vector<double> &out) {
    for (size_t i = 0; i < m; ++i) {
        for (size_t j = 0; j < n; ++j) {
            double sum = 0.0;
            for (size_t a = 0; a < k; ++a)
                for (size_t b = 0; b < k; ++b)
                    if (i + a < m && j + b < n) sum += kernel[a * k + b] * image[(i + a) * n + (j + b)];
            out[i * n + j] = sum;
        }
    }
}
