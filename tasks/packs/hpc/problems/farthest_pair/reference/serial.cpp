// Serial reference of farthest_pair: the diameter is attained by two convex-hull vertices. An
// Akl-Toussaint filter (drop the points strictly inside the octagon of extreme points) leaves few
// candidates, Andrew's monotone chain builds their hull in O(h log h), and rotating calipers find
// the farthest pair of hull vertices in O(h).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace {

struct Pt {
    double x, y;
};

// > 0 when o -> a -> b turns counter-clockwise
double cross(const Pt &o, const Pt &a, const Pt &b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

double dist2(const Pt &a, const Pt &b) {
    const double dx = a.x - b.x, dy = a.y - b.y;
    return dx * dx + dy * dy;
}

// Akl-Toussaint filter: appends to out the points of pts[i0, i1) that are not strictly inside the
// octagon of the block's extreme points in the directions x, y, x + y and x - y. The octagon lies in
// the block's convex hull, so the dropped points are not vertices of any hull containing the block.
void hull_candidates(const double *pts, std::size_t i0, std::size_t i1, std::vector<Pt> &out) {
    if (i1 - i0 < 32) {
        for (std::size_t i = i0; i < i1; ++i) out.push_back(Pt{pts[2 * i], pts[2 * i + 1]});
        return;
    }
    // extremes in the counter-clockwise order of their outward normals:
    // min x, min x+y, min y, max x-y, max x, max x+y, max y, min x-y
    std::size_t e[8];
    for (std::size_t &v : e) v = i0;
    for (std::size_t i = i0 + 1; i < i1; ++i) {
        const double x = pts[2 * i], y = pts[2 * i + 1];
        if (x < pts[2 * e[0]]) e[0] = i;
        if (x + y < pts[2 * e[1]] + pts[2 * e[1] + 1]) e[1] = i;
        if (y < pts[2 * e[2] + 1]) e[2] = i;
        if (x - y > pts[2 * e[3]] - pts[2 * e[3] + 1]) e[3] = i;
        if (x > pts[2 * e[4]]) e[4] = i;
        if (x + y > pts[2 * e[5]] + pts[2 * e[5] + 1]) e[5] = i;
        if (y > pts[2 * e[6] + 1]) e[6] = i;
        if (x - y < pts[2 * e[7]] - pts[2 * e[7] + 1]) e[7] = i;
    }
    Pt oct[8];
    int m = 0;
    for (int k = 0; k < 8; ++k) {
        const Pt p{pts[2 * e[k]], pts[2 * e[k] + 1]};
        if (m == 0 || p.x != oct[m - 1].x || p.y != oct[m - 1].y) oct[m++] = p;
    }
    while (m > 1 && oct[m - 1].x == oct[0].x && oct[m - 1].y == oct[0].y) --m;
    for (std::size_t i = i0; i < i1; ++i) {
        const Pt p{pts[2 * i], pts[2 * i + 1]};
        bool inside = m >= 3;
        for (int k = 0; k < m && inside; ++k) inside = cross(oct[k], oct[(k + 1) % m], p) > 0.0;
        if (!inside) out.push_back(p);
    }
}

// Convex hull (Andrew's monotone chain) in counter-clockwise order, without repeated or collinear
// points.
std::vector<Pt> convex_hull(std::vector<Pt> p) {
    std::sort(p.begin(), p.end(), [](const Pt &a, const Pt &b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
    p.erase(std::unique(p.begin(), p.end(), [](const Pt &a, const Pt &b) { return a.x == b.x && a.y == b.y; }),
            p.end());
    if (p.size() <= 2) return p;
    std::vector<Pt> h(2 * p.size());
    std::size_t k = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        while (k >= 2 && cross(h[k - 2], h[k - 1], p[i]) <= 0.0) --k;
        h[k++] = p[i];
    }
    for (std::size_t i = p.size() - 1, lower = k + 1; i-- > 0;) {
        while (k >= lower && cross(h[k - 2], h[k - 1], p[i]) <= 0.0) --k;
        h[k++] = p[i];
    }
    h.resize(k - 1);
    return h;
}

// Largest squared distance between two vertices of a convex polygon (counter-clockwise, no
// collinear vertices): rotating calipers, O(h).
double hull_diameter2(const std::vector<Pt> &h) {
    const std::size_t m = h.size();
    if (m < 2) return 0.0;
    if (m == 2) return dist2(h[0], h[1]);
    double best = 0.0;
    std::size_t j = 1;
    for (std::size_t i = 0; i < m; ++i) {
        const std::size_t ni = i + 1 == m ? 0 : i + 1;
        for (;;) {  // advance j while it moves away from the edge (i, ni)
            const std::size_t nj = j + 1 == m ? 0 : j + 1;
            if (cross(h[i], h[ni], h[nj]) > cross(h[i], h[ni], h[j])) j = nj;
            else break;
        }
        best = std::max(best, std::max(dist2(h[i], h[j]), dist2(h[ni], h[j])));
    }
    return best;
}

}  // namespace

double farthest_pair(const std::vector<double> &pts, size_t n) {
    std::vector<Pt> cand;
    hull_candidates(pts.data(), 0, n, cand);
    return std::sqrt(hull_diameter2(convex_hull(std::move(cand))));
}
