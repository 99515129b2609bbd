// Sequential baseline of dft: the defining O(n^2) sum, one output at a time, with the twiddle
// factors taken from one table of the n roots of unity exp(-2 pi i t / n) at t = (j k) mod n.
#include <cmath>
#include <cstddef>
#include <vector>

void dft(const std::vector<double> &x, std::vector<double> &y, size_t n) {
    const double pi = 3.14159265358979323846;
    std::vector<double> wr(n), wi(n);
    for (size_t t = 0; t < n; ++t) {
        const double angle = -2.0 * pi * static_cast<double>(t) / static_cast<double>(n);
        wr[t] = std::cos(angle);
        wi[t] = std::sin(angle);
    }
    for (size_t k = 0; k < n; ++k) {
        double sum_re = 0.0, sum_im = 0.0;
        for (size_t j = 0; j < n; ++j) {
            const size_t t = (j * k) % n;
            sum_re += x[2 * j] * wr[t] - x[2 * j + 1] * wi[t];
            sum_im += x[2 * j] * wi[t] + x[2 * j + 1] * wr[t];
        }
        y[2 * k] = sum_re;
        y[2 * k + 1] = sum_im;
    }
}
