// Sequential baseline of axpy: y = alpha * x + y.
#include <cstddef>
#include <vector>

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    for (std::size_t i = 0; i < x.size(); ++i) {
        y[i] = alpha * x[i] + y[i];
    }
}
