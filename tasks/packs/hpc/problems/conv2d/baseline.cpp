// Sequential baseline of conv2d: for every output pixel, sum kernel weight times image value over
// the k x k window centred on it, skipping window positions outside the image (zero padding).
#include <cstddef>
#include <vector>

void conv2d(const std::vector<double> &image, size_t m, size_t n, const std::vector<double> &kernel, size_t k,
            std::vector<double> &out) {
    const long h = static_cast<long>(k / 2);
    for (size_t i = 0; i < m; ++i) {
        for (size_t j = 0; j < n; ++j) {
            double sum = 0.0;
            for (size_t a = 0; a < k; ++a) {
                for (size_t b = 0; b < k; ++b) {
                    const long ii = static_cast<long>(i + a) - h, jj = static_cast<long>(j + b) - h;
                    if (ii >= 0 && ii < static_cast<long>(m) && jj >= 0 && jj < static_cast<long>(n))
                        sum += kernel[a * k + b] * image[static_cast<size_t>(ii) * n + static_cast<size_t>(jj)];
                }
            }
            out[i * n + j] = sum;
        }
    }
}
