// Sequential baseline of fft_inverse: the textbook iterative radix-2 FFT (decimation in time) with
// the sign +1: a bit-reversal permutation, log2(n) passes of butterflies whose twiddle factors come
// from one table of exp(+2 pi i k / n), k < n / 2, then a pass that scales by 1 / n.
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

void fft_inverse(std::vector<double> &data, size_t n) {
    for (size_t i = 1, j = 0; i < n; ++i) {
        size_t bit = n >> 1;
        for (; j & bit; bit >>= 1) j ^= bit;
        j ^= bit;
        if (i < j) {
            std::swap(data[2 * i], data[2 * j]);
            std::swap(data[2 * i + 1], data[2 * j + 1]);
        }
    }
    const double pi = 3.14159265358979323846;
    std::vector<double> wr(n / 2), wi(n / 2);
    for (size_t k = 0; k < n / 2; ++k) {
        const double angle = 2.0 * pi * static_cast<double>(k) / static_cast<double>(n);
        wr[k] = std::cos(angle);
        wi[k] = std::sin(angle);
    }
    for (size_t len = 2; len <= n; len <<= 1) {
        const size_t half = len / 2, step = n / len;
        for (size_t start = 0; start < n; start += len) {
            for (size_t j = 0; j < half; ++j) {
                const double cr = wr[j * step], ci = wi[j * step];
                const size_t u = 2 * (start + j), v = 2 * (start + j + half);
                const double tr = data[v] * cr - data[v + 1] * ci;
                const double ti = data[v] * ci + data[v + 1] * cr;
                data[v] = data[u] - tr;
                data[v + 1] = data[u + 1] - ti;
                data[u] += tr;
                data[u + 1] += ti;
            }
        }
    }
    const double scale = 1.0 / static_cast<double>(n);
    for (size_t i = 0; i < 2 * n; ++i) data[i] *= scale;
}
