// Deliberately wrong axpy: the loop bound is off by one, so the last element is never updated.
#include <cstddef>
#include <vector>

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    for (std::size_t i = 0; i + 1 < x.size(); ++i) {
        y[i] += alpha * x[i];
    }
}
