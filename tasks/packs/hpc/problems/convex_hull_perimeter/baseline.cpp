// Sequential baseline of convex_hull_perimeter: Andrew's monotone chain. The points are sorted by
// (x, y); the lower and then the upper hull are built with a stack, popping while the last two hull
// points and the new point do not make a strict left turn (so collinear and duplicate points drop
// out); the perimeter is the length of the closed hull polygon.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

namespace {

typedef std::pair<double, double> Pt;

double cross(const Pt &o, const Pt &a, const Pt &b) {
    return (a.first - o.first) * (b.second - o.second) - (a.second - o.second) * (b.first - o.first);
}

}  // namespace

double convex_hull_perimeter(const std::vector<double> &x, const std::vector<double> &y) {
    const size_t n = x.size();
    std::vector<Pt> p(n);
    for (size_t i = 0; i < n; ++i) p[i] = Pt(x[i], y[i]);
    std::sort(p.begin(), p.end());
    if (n < 2) return 0.0;
    std::vector<Pt> hull(2 * n);
    size_t k = 0;
    for (size_t i = 0; i < n; ++i) {  // lower hull
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], p[i]) <= 0) --k;
        hull[k++] = p[i];
    }
    for (size_t i = n - 1, t = k + 1; i-- > 0;) {  // upper hull
        while (k >= t && cross(hull[k - 2], hull[k - 1], p[i]) <= 0) --k;
        hull[k++] = p[i];
    }
    --k;  // the last point repeats the first
    double perimeter = 0.0;
    for (size_t i = 0; i < k; ++i) {
        const Pt &a = hull[i], &b = hull[(i + 1) % k];
        perimeter += std::sqrt((a.first - b.first) * (a.first - b.first) + (a.second - b.second) * (a.second - b.second));
    }
    return perimeter;
}
