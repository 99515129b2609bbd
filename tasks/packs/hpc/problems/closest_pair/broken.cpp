// Deliberately wrong closest_pair: after sorting by x it only compares neighbours in x order, which
// misses pairs that are close in the plane but separated by other points in x.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

double closest_pair(const std::vector<double> &x, const std::vector<double> &y) {
    std::vector<std::pair<double, double>> p(x.size());
    for (size_t i = 0; i < x.size(); ++i) p[i] = {x[i], y[i]};
    std::sort(p.begin(), p.end());
    double best = std::numeric_limits<double>::infinity();
    for (size_t i = 1; i < p.size(); ++i)
        best = std::min(best, std::hypot(p[i].first - p[i - 1].first, p[i].second - p[i - 1].second));
    return best;
}
