// Driver of the convex_hull_perimeter problem: the perimeter of the convex hull of a 2-D point set.
// size -> n = size points. Every input draws one of these layouts (the last two only when n < 20000):
//   0: uniform in a disc of radius 1000 around a random centre, plus a quarter of the points on its
//      boundary circle (rounded, so some of them are hull vertices and some lie just inside: many hull
//      vertices and near-collinear triples);
//   1: the same in an ellipse with random axes in [10, 1000) rotated by a random angle;
//   2: integer grid coordinates in [0, g)^2, g about sqrt(n) / 2 (duplicates, and hull edges holding
//      many collinear points);
//   3: all points on one line (integer multiples of a direction vector, duplicates included): the hull
//      is a segment and the perimeter twice its length.
// The answer is returned in out[0].
#include "hpceval_driver.hpp"

#include <cmath>
#include <vector>

double convex_hull_perimeter(const std::vector<double> &x, const std::vector<double> &y);
double hpceval_baseline_convex_hull_perimeter(const std::vector<double> &x, const std::vector<double> &y);

struct ConvexHullPerimeterProblem {
    struct Input {
        std::vector<double> x, y;
        template <class F> void fields(F &&f) { f(x); f(y); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        const std::size_t n = size < 1 ? 1 : size;
        Input in;
        in.x.resize(n);
        in.y.resize(n);
        const std::uint64_t layout = rng.below(n < 20000 ? 4 : 2);
        if (layout <= 1) {
            const double cx = rng.uniform(-1000.0, 1000.0), cy = rng.uniform(-1000.0, 1000.0);
            const double ax = layout == 0 ? 1000.0 : rng.uniform(10.0, 1000.0);
            const double ay = layout == 0 ? 1000.0 : rng.uniform(10.0, 1000.0);
            const double rot = layout == 0 ? 0.0 : 6.283185307179586 * rng.unit();
            const double cr = std::cos(rot), sr = std::sin(rot);
            for (std::size_t i = 0; i < n; ++i) {
                const double t = 6.283185307179586 * rng.unit();
                const double r = rng.below(4) == 0 ? 1.0 : std::sqrt(rng.unit());  // on the boundary, or inside
                const double u = ax * r * std::cos(t), v = ay * r * std::sin(t);
                in.x[i] = cx + cr * u - sr * v;
                in.y[i] = cy + sr * u + cr * v;
            }
        } else if (layout == 2) {
            const std::uint64_t g = 2 + static_cast<std::uint64_t>(std::sqrt(static_cast<double>(n)) / 2.0);
            for (std::size_t i = 0; i < n; ++i) {
                in.x[i] = static_cast<double>(rng.below(g));
                in.y[i] = static_cast<double>(rng.below(g));
            }
        } else {
            const double dx = static_cast<double>(rng.below(7)) - 3.0, dy = static_cast<double>(1 + rng.below(3));
            const double ox = static_cast<double>(rng.below(100)), oy = static_cast<double>(rng.below(100));
            const std::uint64_t span = 1 + n / 2;
            for (std::size_t i = 0; i < n; ++i) {
                const double k = static_cast<double>(rng.below(span));
                in.x[i] = ox + k * dx;
                in.y[i] = oy + k * dy;
            }
        }
        return in;
    }
    static void reset_output(const Input &, std::vector<double> &out) { out.assign(1, -1.0); }
    static void candidate(const Input &in, std::vector<double> &out) { out[0] = convex_hull_perimeter(in.x, in.y); }
    static void baseline(const Input &in, std::vector<double> &out) {
        out[0] = hpceval_baseline_convex_hull_perimeter(in.x, in.y);
    }
};

HPCEVAL_MAIN(ConvexHullPerimeterProblem)
