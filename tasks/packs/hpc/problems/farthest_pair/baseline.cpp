// Sequential baseline of farthest_pair: the diameter is attained by two vertices of the convex
// hull. The textbook method: sort all points (by x, then y), build the hull with Andrew's monotone
// chain, then walk it with rotating calipers (for each hull edge, advance the vertex farthest from
// it and measure both edge ends against that vertex).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

typedef std::pair<double, double> Point;

static double cross(const Point &o, const Point &a, const Point &b) {
    return (a.first - o.first) * (b.second - o.second) - (a.second - o.second) * (b.first - o.first);
}

static double dist2(const Point &a, const Point &b) {
    const double dx = a.first - b.first, dy = a.second - b.second;
    return dx * dx + dy * dy;
}

double farthest_pair(const std::vector<double> &pts, size_t n) {
    std::vector<Point> p;
    for (size_t i = 0; i < n; ++i) p.push_back(Point(pts[2 * i], pts[2 * i + 1]));
    std::sort(p.begin(), p.end());
    p.erase(std::unique(p.begin(), p.end()), p.end());
    const size_t m = p.size();
    if (m < 2) return 0.0;
    // lower hull left to right, then upper hull right to left; collinear points are dropped
    std::vector<Point> h(2 * m);
    size_t k = 0;
    for (size_t i = 0; i < m; ++i) {
        while (k >= 2 && cross(h[k - 2], h[k - 1], p[i]) <= 0.0) --k;
        h[k++] = p[i];
    }
    for (size_t i = m - 1, lower = k + 1; i > 0; --i) {
        while (k >= lower && cross(h[k - 2], h[k - 1], p[i - 1]) <= 0.0) --k;
        h[k++] = p[i - 1];
    }
    const size_t hs = k - 1;  // the last point repeats the first
    if (hs < 3) return std::sqrt(dist2(h[0], h[1]));
    double best = 0.0;
    size_t j = 1;
    for (size_t i = 0; i < hs; ++i) {
        const size_t ni = (i + 1) % hs;
        while (cross(h[i], h[ni], h[(j + 1) % hs]) > cross(h[i], h[ni], h[j])) j = (j + 1) % hs;
        const double d2 = std::max(dist2(h[i], h[j]), dist2(h[ni], h[j]));
        if (d2 > best) best = d2;
    }
    return std::sqrt(best);
}
