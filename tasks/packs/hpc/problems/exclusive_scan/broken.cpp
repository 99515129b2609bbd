// Deliberately wrong exclusive_scan: computes the inclusive scan (y[i] also counts x[i]).
#include <cstddef>
#include <vector>

void exclusive_scan(const std::vector<double> &x, std::vector<double> &y) {
    double sum = 0.0;
    for (size_t i = 0; i < x.size(); ++i) {
        sum += x[i];
        y[i] = sum;
    }
}
