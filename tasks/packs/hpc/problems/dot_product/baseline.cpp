// Sequential baseline of dot_product: one running sum, in order.
#include <cstddef>
#include <vector>

double dot_product(const std::vector<double> &x, const std::vector<double> &y) {
    const std::size_t n = x.size();
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        sum += x[i] * y[i];
    }
    return sum;
}
