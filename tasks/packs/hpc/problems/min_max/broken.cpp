// Deliberately wrong min_max: starts from 0 instead of the first element, so an all-positive vector
// reports min 0 and an all-negative one max 0.
#include <cstddef>
#include <vector>

void min_max(const std::vector<double> &x, double &min_value, double &max_value) {
    min_value = 0.0;
    max_value = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (x[i] < min_value) min_value = x[i];
        if (x[i] > max_value) max_value = x[i];
    }
}
