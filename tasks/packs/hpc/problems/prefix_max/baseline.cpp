// Sequential baseline of prefix_max: one running maximum, updated before each element is stored.
#include <cstddef>
#include <vector>

void prefix_max(const std::vector<double> &x, std::vector<double> &y) {
    const size_t n = x.size();
    double m = x[0];
    for (size_t i = 0; i < n; ++i) {
        if (x[i] > m) m = x[i];
        y[i] = m;
    }
}
