// Sequential baseline of complex_abs: std::hypot (overflow- and underflow-safe) per number.
#include <cmath>
#include <cstddef>
#include <vector>

void complex_abs(const std::vector<double> &z, std::vector<double> &mag) {
    const std::size_t n = z.size() / 2;
    for (std::size_t i = 0; i < n; ++i) {
        mag[i] = std::hypot(z[2 * i], z[2 * i + 1]);
    }
}
