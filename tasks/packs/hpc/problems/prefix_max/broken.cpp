// Deliberately wrong prefix_max: stores the maximum before x[i] is taken into account (the
// running maximum lags one element behind).
#include <cstddef>
#include <vector>

void prefix_max(const std::vector<double> &x, std::vector<double> &y) {
    double m = x[0];
    for (size_t i = 0; i < x.size(); ++i) {
        y[i] = m;
        if (x[i] > m) m = x[i];
    }
}
