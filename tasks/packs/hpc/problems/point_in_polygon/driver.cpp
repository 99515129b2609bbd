// Driver of the point_in_polygon problem: for np query points, whether each lies inside one simple
// polygon with nv vertices. size -> np = size query points, nv = 2 * (4 + size / 200) vertices.
//
// The polygon is star-shaped around the origin (hence simple): vertex i sits at a jittered angle
// (angles strictly increasing, the start rotated at random), at a radius of R * (0.6 + w sin(f a +
// phase) + up to +-(0.4 - w) noise) with R = 2^20 and w in [0, 0.15) (a spiky outline: a horizontal
// line crosses many edges), in clockwise or counter-clockwise order. Coordinates are integers, and consecutive vertices alternate in the
// parity of x + y, so every edge has dx + dy odd. Query points have half-integer coordinates: half
// of them uniform in the box [-1.1 R, 1.1 R]^2, half within 0.02 R of a random point of a random
// edge. Then no query point lies on an edge (that would need dx (2b + 1) = dy (2a + 1) for
// integers a, b, impossible with dx + dy odd) nor at the height of a vertex, its horizontal distance
// to any edge is at least 1 / (4 |dy|) >= 2^-23, and all coordinates are exact in a double: every
// reasonable double-precision test gives the exact answer.
#include "hpceval_driver.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

void point_in_polygon(const std::vector<double> &poly, size_t nv, const std::vector<double> &pts, size_t np,
                      std::vector<int> &inside);
void hpceval_baseline_point_in_polygon(const std::vector<double> &poly, size_t nv, const std::vector<double> &pts,
                                       size_t np, std::vector<int> &inside);

struct PointInPolygonProblem {
    struct Input {
        std::size_t nv = 0, np = 0;
        std::vector<double> poly;  // 2 nv doubles: x0, y0, x1, y1, ...
        std::vector<double> pts;   // 2 np doubles
        template <class F> void fields(F &&f) { f(nv); f(np); f(poly); f(pts); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        constexpr double R = 1048576.0, PI = 3.14159265358979323846;
        Input in;
        in.np = size;
        in.nv = 2 * (4 + size / 200);
        const std::size_t nv = in.nv;
        in.poly.resize(2 * nv);
        const double start = 2.0 * PI * rng.unit(), phase = 2.0 * PI * rng.unit();
        const double lobes = static_cast<double>(2 + rng.below(6));
        const double wave = 0.15 * rng.unit(), noise = 0.4 - wave;  // 0.6 R +- (wave + noise)
        for (std::size_t i = 0; i < nv; ++i) {
            const double a = start + 2.0 * PI * (static_cast<double>(i) + 0.1 + 0.8 * rng.unit()) / static_cast<double>(nv);
            const double r = R * (0.6 + wave * std::sin(lobes * a + phase) + noise * rng.uniform());
            std::int64_t x = std::llround(r * std::cos(a)), y = std::llround(r * std::sin(a));
            if (((x + y) & 1) != static_cast<std::int64_t>(i & 1)) x += x > 0 ? -1 : 1;  // alternate parity
            in.poly[2 * i] = static_cast<double>(x);
            in.poly[2 * i + 1] = static_cast<double>(y);
        }
        if (rng.below(2) == 0) {  // clockwise
            for (std::size_t i = 0, j = nv - 1; i < j; ++i, --j) {
                std::swap(in.poly[2 * i], in.poly[2 * j]);
                std::swap(in.poly[2 * i + 1], in.poly[2 * j + 1]);
            }
        }
        in.pts.resize(2 * size);
        const std::int64_t box = static_cast<std::int64_t>(1.1 * R);
        for (std::size_t p = 0; p < size; ++p) {
            double x, y;
            if (rng.below(2) == 0) {
                x = static_cast<double>(static_cast<std::int64_t>(rng.below(2 * box)) - box);
                y = static_cast<double>(static_cast<std::int64_t>(rng.below(2 * box)) - box);
            } else {
                const std::size_t e = rng.below(nv), f = (e + 1) % nv;
                const double t = rng.unit();
                x = std::floor(in.poly[2 * e] + t * (in.poly[2 * f] - in.poly[2 * e]) + 0.02 * R * rng.uniform());
                y = std::floor(in.poly[2 * e + 1] + t * (in.poly[2 * f + 1] - in.poly[2 * e + 1]) +
                               0.02 * R * rng.uniform());
            }
            in.pts[2 * p] = x + 0.5;
            in.pts[2 * p + 1] = y + 0.5;
        }
        return in;
    }
    static void reset_output(const Input &, std::vector<double> &out) { out.clear(); }
    static void candidate(const Input &in, std::vector<double> &out) {
        std::vector<int> inside(in.np, -1);  // arbitrary contents on entry
        point_in_polygon(in.poly, in.nv, in.pts, in.np, inside);
        out.assign(inside.begin(), inside.end());
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        std::vector<int> inside(in.np, -1);
        hpceval_baseline_point_in_polygon(in.poly, in.nv, in.pts, in.np, inside);
        out.assign(inside.begin(), inside.end());
    }
};

HPCEVAL_MAIN(PointInPolygonProblem)
