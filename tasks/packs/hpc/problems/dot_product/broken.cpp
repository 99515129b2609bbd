// Deliberately wrong dot_product: the loop starts at index 1, so the first product is missed.
#include <cstddef>
#include <vector>

double dot_product(const std::vector<double> &x, const std::vector<double> &y) {
    double sum = 0.0;
    for (std::size_t i = 1; i < x.size(); ++i) sum += x[i] * y[i];
    return sum;
}
