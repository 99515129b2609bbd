// Sequential baseline of exclusive_scan: one running double sum, stored before each element is added.
#include <cstddef>
#include <vector>

void exclusive_scan(const std::vector<double> &x, std::vector<double> &y) {
    const size_t n = x.size();
    double sum = 0.0;
    for (size_t i = 0; i < n; ++i) {
        y[i] = sum;
        sum += x[i];
    }
}
