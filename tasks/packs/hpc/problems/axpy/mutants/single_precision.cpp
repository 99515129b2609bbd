// Near miss (single-precision arithmetic): must fail the check (hpceval validate).
#include <cstddef>
#include <vector>

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    for (std::size_t i = 0; i < x.size(); ++i) {
        y[i] = static_cast<double>(static_cast<float>(alpha) * static_cast<float>(x[i]) + static_cast<float>(y[i]));
    }
}
