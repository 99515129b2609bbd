// Sequential baseline of circular_convolution: the textbook FFT method with three complex
// transforms: FFT(a) and FFT(b) (imaginary parts zero), their pointwise product, the inverse FFT,
// and the real parts scaled by 1/n. The FFT is the iterative radix-2 algorithm (bit reversal, then
// log2(n) butterfly passes with one table of twiddle factors).
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

// In-place unscaled FFT of n (a power of two) interleaved complex numbers, exp(sign * 2 pi i jk / n).
static void fft(std::vector<double> &data, size_t n, double sign) {
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
        const double angle = sign * 2.0 * pi * static_cast<double>(k) / static_cast<double>(n);
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
}

void circular_convolution(const std::vector<double> &a, const std::vector<double> &b, std::vector<double> &c,
                          size_t n) {
    std::vector<double> fa(2 * n, 0.0), fb(2 * n, 0.0);
    for (size_t j = 0; j < n; ++j) {
        fa[2 * j] = a[j];
        fb[2 * j] = b[j];
    }
    fft(fa, n, -1.0);
    fft(fb, n, -1.0);
    for (size_t k = 0; k < n; ++k) {
        const double xr = fa[2 * k], xi = fa[2 * k + 1], yr = fb[2 * k], yi = fb[2 * k + 1];
        fa[2 * k] = xr * yr - xi * yi;
        fa[2 * k + 1] = xr * yi + xi * yr;
    }
    fft(fa, n, 1.0);
    const double inv_n = 1.0 / static_cast<double>(n);
    for (size_t i = 0; i < n; ++i) c[i] = fa[2 * i] * inv_n;
}
