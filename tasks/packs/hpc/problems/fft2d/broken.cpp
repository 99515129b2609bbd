// Deliberately wrong fft2d: transforms the rows and then the rows again instead of the columns
// (a plausible mix-up of the second pass' stride).
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

static void fft1d(double *a, size_t n) {
    for (size_t i = 1, j = 0; i < n; ++i) {
        size_t bit = n >> 1;
        for (; j & bit; bit >>= 1) j ^= bit;
        j ^= bit;
        if (i < j) {
            std::swap(a[2 * i], a[2 * j]);
            std::swap(a[2 * i + 1], a[2 * j + 1]);
        }
    }
    const double pi = 3.14159265358979323846;
    for (size_t len = 2; len <= n; len <<= 1) {
        const size_t half = len / 2;
        for (size_t start = 0; start < n; start += len) {
            for (size_t j = 0; j < half; ++j) {
                const double angle = -2.0 * pi * static_cast<double>(j) / static_cast<double>(len);
                const double cr = std::cos(angle), ci = std::sin(angle);
                const size_t u = 2 * (start + j), v = 2 * (start + j + half);
                const double tr = a[v] * cr - a[v + 1] * ci;
                const double ti = a[v] * ci + a[v + 1] * cr;
                a[v] = a[u] - tr;
                a[v + 1] = a[u + 1] - ti;
                a[u] += tr;
                a[u + 1] += ti;
            }
        }
    }
}

void fft2d(std::vector<double> &data, size_t n) {
    for (int pass = 0; pass < 2; ++pass)
        for (size_t row = 0; row < n; ++row) fft1d(data.data() + 2 * row * n, n);
}
