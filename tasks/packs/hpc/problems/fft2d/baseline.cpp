// Sequential baseline of fft2d: row-column decomposition with the textbook iterative radix-2 FFT
// (bit reversal, log2(n) butterfly passes, one shared table of exp(-2 pi i k / n)): every row is
// transformed in place, then every column is copied out, transformed and copied back.
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

// In-place FFT of n interleaved complex numbers at a; wr/wi hold exp(-2 pi i k / n), k < n / 2.
static void fft1d(double *a, size_t n, const std::vector<double> &wr, const std::vector<double> &wi) {
    for (size_t i = 1, j = 0; i < n; ++i) {
        size_t bit = n >> 1;
        for (; j & bit; bit >>= 1) j ^= bit;
        j ^= bit;
        if (i < j) {
            std::swap(a[2 * i], a[2 * j]);
            std::swap(a[2 * i + 1], a[2 * j + 1]);
        }
    }
    for (size_t len = 2; len <= n; len <<= 1) {
        const size_t half = len / 2, step = n / len;
        for (size_t start = 0; start < n; start += len) {
            for (size_t j = 0; j < half; ++j) {
                const double cr = wr[j * step], ci = wi[j * step];
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
    const double pi = 3.14159265358979323846;
    std::vector<double> wr(n / 2), wi(n / 2);
    for (size_t k = 0; k < n / 2; ++k) {
        const double angle = -2.0 * pi * static_cast<double>(k) / static_cast<double>(n);
        wr[k] = std::cos(angle);
        wi[k] = std::sin(angle);
    }
    for (size_t row = 0; row < n; ++row) fft1d(data.data() + 2 * row * n, n, wr, wi);
    std::vector<double> column(2 * n);
    for (size_t col = 0; col < n; ++col) {
        for (size_t row = 0; row < n; ++row) {
            column[2 * row] = data[2 * (row * n + col)];
            column[2 * row + 1] = data[2 * (row * n + col) + 1];
        }
        fft1d(column.data(), n, wr, wi);
        for (size_t row = 0; row < n; ++row) {
            data[2 * (row * n + col)] = column[2 * row];
            data[2 * (row * n + col) + 1] = column[2 * row + 1];
        }
    }
}
