// Deliberately wrong point_in_polygon: the crossing test is right, but a point counts as inside
// when the number of crossings is even (the answer is inverted everywhere).
#include <cstddef>
#include <vector>

void point_in_polygon(const std::vector<double> &poly, size_t nv, const std::vector<double> &pts, size_t np,
                      std::vector<int> &inside) {
    for (size_t p = 0; p < np; ++p) {
        const double px = pts[2 * p], py = pts[2 * p + 1];
        size_t crossings = 0;
        for (size_t i = 0, j = nv - 1; i < nv; j = i++) {
            const double xi = poly[2 * i], yi = poly[2 * i + 1], xj = poly[2 * j], yj = poly[2 * j + 1];
            if ((yi > py) != (yj > py) && px < xi + (py - yi) * (xj - xi) / (yj - yi)) ++crossings;
        }
        inside[p] = crossings % 2 == 0 ? 1 : 0;
    }
}
