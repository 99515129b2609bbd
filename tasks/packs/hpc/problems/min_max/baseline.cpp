// Sequential baseline of min_max: one pass from the first element, two compares per element.
#include <cstddef>
#include <vector>

void min_max(const std::vector<double> &x, double &min_value, double &max_value) {
    const std::size_t n = x.size();
    double lo = x[0], hi = x[0];
    for (std::size_t i = 1; i < n; ++i) {
        if (x[i] < lo) lo = x[i];
        if (x[i] > hi) hi = x[i];
    }
    min_value = lo;
    max_value = hi;
}
