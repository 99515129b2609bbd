// Sequential baseline of point_in_polygon: the crossing-number (even-odd) test, one point at a
// time against every edge (i, j), j the vertex before i: count the edges that cross the horizontal
// ray from the point towards +x; the point is inside when the count is odd.
#include <cstddef>
#include <vector>

void point_in_polygon(const std::vector<double> &poly, size_t nv, const std::vector<double> &pts, size_t np,
                      std::vector<int> &inside) {
    for (size_t p = 0; p < np; ++p) {
        const double px = pts[2 * p], py = pts[2 * p + 1];
        bool in = false;
        for (size_t i = 0, j = nv - 1; i < nv; j = i++) {
            const double xi = poly[2 * i], yi = poly[2 * i + 1], xj = poly[2 * j], yj = poly[2 * j + 1];
            if ((yi > py) != (yj > py)) {
                const double x_cross = xi + (py - yi) * (xj - xi) / (yj - yi);
                if (px < x_cross) in = !in;
            }
        }
        inside[p] = in ? 1 : 0;
    }
}
