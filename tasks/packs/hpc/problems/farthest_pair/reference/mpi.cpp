// MPI reference of farthest_pair: every rank filters its block of points (Akl-Toussaint octagon)
// and builds the block's convex hull; rank 0 gathers the hull vertices (MPI_Gather of the counts,
// MPI_Gatherv of the coordinates), takes the hull of their union and finds the diameter with
// rotating calipers.
#include <mpi.h>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>
#include <utility>

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
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t r = static_cast<std::size_t>(rank), p = static_cast<std::size_t>(size);
    const std::size_t lo = n * r / p, hi = n * (r + 1) / p;
    std::vector<Pt> cand;
    hull_candidates(pts.data(), lo, hi, cand);
    std::vector<Pt> local = convex_hull(std::move(cand));
    if (size == 1) return std::sqrt(hull_diameter2(convex_hull(std::move(local))));
    // rank 0 collects every rank's hull vertices (as x, y pairs) and takes the hull of their union
    int count = static_cast<int>(2 * local.size());
    std::vector<int> counts(p), displs(p);
    MPI_Gather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
    std::vector<Pt> all;
    if (rank == 0) {
        int total = 0;
        for (std::size_t q = 0; q < p; ++q) {
            displs[q] = total;
            total += counts[q];
        }
        all.resize(static_cast<std::size_t>(total) / 2);
    }
    MPI_Gatherv(reinterpret_cast<const double *>(local.data()), count, MPI_DOUBLE, reinterpret_cast<double *>(all.data()),
                counts.data(), displs.data(), MPI_DOUBLE, 0, MPI_COMM_WORLD);
    if (rank != 0) return 0.0;  // only rank 0's answer counts
    return std::sqrt(hull_diameter2(convex_hull(std::move(all))));
}
