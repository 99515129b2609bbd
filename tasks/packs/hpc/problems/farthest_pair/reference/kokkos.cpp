// Kokkos reference of farthest_pair: a parallel_for over one block per thread filters (Akl-Toussaint octagon) and hulls its points; the diameter of the hull of the block hulls by rotating calipers.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

namespace {

struct Pt {
    double x, y;
};

// > 0 when o -> a -> b turns counter-clockwise
inline double cross(const Pt &o, const Pt &a, const Pt &b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

inline double dist2(const Pt &a, const Pt &b) {
    const double dx = a.x - b.x, dy = a.y - b.y;
    return dx * dx + dy * dy;
}

// Akl-Toussaint filter: appends to out the points of pts[i0, i1) that are not strictly inside the octagon
// spanned by the block's extreme points in the directions x, y, x + y and x - y. That octagon lies inside
// the block's hull, so a dropped point is a vertex of no hull that contains the block.
void hull_candidates(const double *pts, std::size_t i0, std::size_t i1, std::vector<Pt> &out) {
    if (i1 - i0 < 32) {
        for (std::size_t i = i0; i < i1; ++i) out.push_back(Pt{pts[2 * i], pts[2 * i + 1]});
        return;
    }
    // extreme indices, listed counter-clockwise by outward normal:
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

// Andrew's monotone chain: the convex hull counter-clockwise, without repeated or collinear points.
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

// Largest squared distance between two vertices of a convex polygon (counter-clockwise, no collinear
// vertices) by rotating calipers, O(h).
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
    const double *pp = pts.data();
    // small input: one block, no parallel region
    const std::size_t nb = n >= 20000 ? static_cast<std::size_t>(Kokkos::DefaultHostExecutionSpace::concurrency()) : 1;
    std::vector<std::vector<Pt>> hulls(nb > 0 ? nb : 1);
    std::vector<Pt> *hp = hulls.data();
    const std::size_t blocks = hulls.size();
    if (blocks == 1) {
        std::vector<Pt> cand;
        hull_candidates(pp, 0, n, cand);
        hp[0] = convex_hull(std::move(cand));
    } else {
        // one block per thread: every block builds its hull in its own slot of hulls
        Kokkos::parallel_for(
            "farthest_pair_blocks", Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>(0, blocks),
            KOKKOS_LAMBDA(const std::size_t b) {
                std::vector<Pt> cand;
                hull_candidates(pp, n * b / blocks, n * (b + 1) / blocks, cand);
                hp[b] = convex_hull(std::move(cand));
            });
        Kokkos::fence();
    }
    std::vector<Pt> all;
    for (const std::vector<Pt> &h : hulls) all.insert(all.end(), h.begin(), h.end());
    return std::sqrt(hull_diameter2(convex_hull(std::move(all))));
}
