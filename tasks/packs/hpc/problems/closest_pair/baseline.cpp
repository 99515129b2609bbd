// Sequential baseline of closest_pair: sort the points by x (then y), then sweep: each point is compared
// with the points before it in x order until their x distance alone reaches the best distance so far.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

double closest_pair(const std::vector<double> &x, const std::vector<double> &y) {
    const size_t n = x.size();
    std::vector<std::pair<double, double>> p(n);
    for (size_t i = 0; i < n; ++i) p[i] = {x[i], y[i]};
    std::sort(p.begin(), p.end());
    double best = std::numeric_limits<double>::infinity();
    for (size_t i = 1; i < n; ++i) {
        for (size_t j = i; j-- > 0;) {
            const double dx = p[i].first - p[j].first;
            if (dx >= best) break;
            const double dy = p[i].second - p[j].second;
            const double d = std::sqrt(dx * dx + dy * dy);
            if (d < best) best = d;
        }
    }
    return best;
}
