// Deliberately wrong convex_hull_perimeter: the hull is built correctly but the closing edge (from
// the last hull vertex back to the first) is left out of the perimeter.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

double convex_hull_perimeter(const std::vector<double> &x, const std::vector<double> &y) {
    const size_t n = x.size();
    std::vector<std::pair<double, double>> p(n), h;
    for (size_t i = 0; i < n; ++i) p[i] = {x[i], y[i]};
    std::sort(p.begin(), p.end());
    auto turn = [](const std::pair<double, double> &o, const std::pair<double, double> &a,
                   const std::pair<double, double> &b) {
        return (a.first - o.first) * (b.second - o.second) - (a.second - o.second) * (b.first - o.first);
    };
    for (int pass = 0; pass < 2; ++pass) {
        const size_t start = h.size();
        for (size_t j = 0; j < n; ++j) {
            const auto &q = pass == 0 ? p[j] : p[n - 1 - j];
            while (h.size() >= start + 2 && turn(h[h.size() - 2], h.back(), q) <= 0) h.pop_back();
            h.push_back(q);
        }
        h.pop_back();
    }
    double perimeter = 0.0;
    for (size_t i = 0; i + 1 < h.size(); ++i) perimeter += std::hypot(h[i + 1].first - h[i].first, h[i + 1].second - h[i].second);
    return perimeter;
}
