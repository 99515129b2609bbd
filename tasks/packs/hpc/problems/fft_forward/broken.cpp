// Deliberately wrong fft_forward: a correct radix-2 FFT that forgets the bit-reversal permutation,
// so the outputs come out in bit-reversed order (right values, wrong places).
#include <cmath>
#include <cstddef>
#include <vector>

void fft_forward(std::vector<double> &data, size_t n) {
    const double pi = 3.14159265358979323846;
    // decimation in frequency: natural-order input, bit-reversed output (never put back in order)
    for (size_t len = n; len >= 2; len >>= 1) {
        const size_t half = len / 2;
        for (size_t start = 0; start < n; start += len) {
            for (size_t j = 0; j < half; ++j) {
                const double angle = -2.0 * pi * static_cast<double>(j) / static_cast<double>(len);
                const double cr = std::cos(angle), ci = std::sin(angle);
                const size_t u = 2 * (start + j), v = 2 * (start + j + half);
                const double ar = data[u], ai = data[u + 1], br = data[v], bi = data[v + 1];
                data[u] = ar + br;
                data[u + 1] = ai + bi;
                const double dr = ar - br, di = ai - bi;
                data[v] = dr * cr - di * ci;
                data[v + 1] = dr * ci + di * cr;
            }
        }
    }
}
