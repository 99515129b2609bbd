// Deliberately wrong farthest_pair: the largest distance between the points that are extreme in x
// or in y (a tempting shortcut that misses diagonal diameters).
#include <cmath>
#include <cstddef>
#include <vector>

double farthest_pair(const std::vector<double> &pts, size_t n) {
    if (n < 2) return 0.0;
    size_t ext[4] = {0, 0, 0, 0};  // min x, max x, min y, max y
    for (size_t i = 1; i < n; ++i) {
        if (pts[2 * i] < pts[2 * ext[0]]) ext[0] = i;
        if (pts[2 * i] > pts[2 * ext[1]]) ext[1] = i;
        if (pts[2 * i + 1] < pts[2 * ext[2] + 1]) ext[2] = i;
        if (pts[2 * i + 1] > pts[2 * ext[3] + 1]) ext[3] = i;
    }
    double best = 0.0;
    for (int a = 0; a < 4; ++a)
        for (int b = a + 1; b < 4; ++b) {
            const double dx = pts[2 * ext[a]] - pts[2 * ext[b]], dy = pts[2 * ext[a] + 1] - pts[2 * ext[b] + 1];
            best = std::fmax(best, dx * dx + dy * dy);
        }
    return std::sqrt(best);
}
