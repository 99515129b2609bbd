// Near miss (misses the last element): must fail the check (hpceval validate).
#include <cstddef>
#include <vector>

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    for (std::size_t i = 0; i + 1 < x.size(); ++i) {
        y[i] = alpha * x[i] + y[i];
    }
}
