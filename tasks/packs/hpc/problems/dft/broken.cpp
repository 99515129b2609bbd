// Deliberately wrong dft: the twiddle exponent is reduced modulo n - 1 instead of n (right for
// n <= 2 only).
#include <cmath>
#include <cstddef>
#include <vector>

void dft(const std::vector<double> &x, std::vector<double> &y, size_t n) {
    const double pi = 3.14159265358979323846;
    const size_t mod = n > 1 ? n - 1 : 1;
    for (size_t k = 0; k < n; ++k) {
        double sum_re = 0.0, sum_im = 0.0;
        for (size_t j = 0; j < n; ++j) {
            const double angle = -2.0 * pi * static_cast<double>((j * k) % mod) / static_cast<double>(n);
            sum_re += x[2 * j] * std::cos(angle) - x[2 * j + 1] * std::sin(angle);
            sum_im += x[2 * j] * std::sin(angle) + x[2 * j + 1] * std::cos(angle);
        }
        y[2 * k] = sum_re;
        y[2 * k + 1] = sum_im;
    }
}
