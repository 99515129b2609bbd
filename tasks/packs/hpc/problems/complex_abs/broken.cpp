// Deliberately wrong complex_abs: the textbook sqrt(re * re + im * im), whose squares overflow to
// infinity for huge components and underflow to zero for tiny ones.
#include <cmath>
#include <cstddef>
#include <vector>

void complex_abs(const std::vector<double> &z, std::vector<double> &mag) {
    for (std::size_t i = 0; i < mag.size(); ++i) {
        const double re = z[2 * i], im = z[2 * i + 1];
        mag[i] = std::sqrt(re * re + im * im);
    }
}
