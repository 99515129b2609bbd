// Driver of the farthest_pair problem: the diameter of a 2-D point set. size -> n = size points.
//
// Points are centred on a random centre c with a random scale s in [500, 2000): 60% uniform in the
// disk of radius s, 20% exactly on its circle, 10% in a tight cluster, 10% duplicates of earlier
// points. Two planted points at c + (1 + d1) s u and c - (1 + d2) s u (u a random unit vector,
// d1, d2 in [0.002, 0.02)) are the unique farthest pair, 2 + d1 + d2 times s apart; one of them
// sits at the first or the last index often enough that near misses (a skipped first or last
// point) fail the check cases. The points on the circle make the convex hull large.
#include "hpceval_driver.hpp"

#include <cmath>
#include <vector>

double farthest_pair(const std::vector<double> &pts, size_t n);
double hpceval_baseline_farthest_pair(const std::vector<double> &pts, size_t n);

struct FarthestPairProblem {
    struct Input {
        std::size_t n = 0;
        std::vector<double> pts;  // 2n doubles: x0, y0, x1, y1, ...
        template <class F> void fields(F &&f) { f(n); f(pts); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        constexpr double PI = 3.14159265358979323846;
        Input in;
        const std::size_t n = size;
        in.n = n;
        in.pts.resize(2 * n);
        const double cx = rng.uniform(-5000.0, 5000.0), cy = rng.uniform(-5000.0, 5000.0);
        const double s = rng.uniform(500.0, 2000.0);
        const double kx = cx + 0.3 * s * rng.uniform(), ky = cy + 0.3 * s * rng.uniform();  // the cluster
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint64_t kind = rng.below(10);
            double x, y;
            if (kind < 6) {
                const double r = s * std::sqrt(rng.unit()), a = 2.0 * PI * rng.unit();
                x = cx + r * std::cos(a);
                y = cy + r * std::sin(a);
            } else if (kind < 8) {
                const double a = 2.0 * PI * rng.unit();
                x = cx + s * std::cos(a);
                y = cy + s * std::sin(a);
            } else if (kind < 9 || i == 0) {
                x = kx + 0.01 * s * rng.uniform();
                y = ky + 0.01 * s * rng.uniform();
            } else {
                const std::size_t k = rng.below(i);
                x = in.pts[2 * k];
                y = in.pts[2 * k + 1];
            }
            in.pts[2 * i] = x;
            in.pts[2 * i + 1] = y;
        }
        if (n >= 2) {
            const std::uint64_t where = rng.below(4);
            const std::size_t a = where == 0 ? n - 1 : where == 1 ? 0 : rng.below(n);
            std::size_t b;
            if (rng.below(2) == 0) {
                b = a + 1 < n ? a + 1 : a - 1;  // neighbours
            } else {
                b = rng.below(n - 1);
                if (b >= a) ++b;
            }
            const double phi = 2.0 * PI * rng.unit(), ux = std::cos(phi), uy = std::sin(phi);
            const double da = 1.0 + rng.uniform(0.002, 0.02), db = 1.0 + rng.uniform(0.002, 0.02);
            in.pts[2 * a] = cx + da * s * ux;
            in.pts[2 * a + 1] = cy + da * s * uy;
            in.pts[2 * b] = cx - db * s * ux;
            in.pts[2 * b + 1] = cy - db * s * uy;
        }
        return in;
    }
    static void reset_output(const Input &, std::vector<double> &out) { out.clear(); }
    static void candidate(const Input &in, std::vector<double> &out) { out.assign(1, farthest_pair(in.pts, in.n)); }
    static void baseline(const Input &in, std::vector<double> &out) {
        out.assign(1, hpceval_baseline_farthest_pair(in.pts, in.n));
    }
};

HPCEVAL_MAIN(FarthestPairProblem)
