// Driver of the hist_2d problem: counts of 2-D points in an nx x ny grid of equal bins over
// [xlo, xhi) x [ylo, yhi), counts[ix * ny + iy].
// size -> n = size points, nx = min(size / 4096 + 2, 250), ny = min(size / 2048 + 3, 503)
// (nx != ny, so a transposed layout is caught). On each axis the bin width w is a power of two
// (1/16 .. 1) and lo a multiple of w, hi = lo + nbins * w; every coordinate is lo + (k + f) * w with
// an integer k and a fraction f that keeps its bin unambiguous (never on an inner edge):
//   1/16: outside [lo, hi) (k in [-nbins/2 - 1, -1] or [nbins, nbins + nbins/2], f in [0.001, 0.999]);
//   1/16: exactly lo or exactly hi;
//   1/16: within 1e-6 .. 1e-5 bin widths of an edge, on either side (k in [0, nbins));
//   the rest: f in [0.001, 0.999], k uniform or skewed towards the low bins.
// The two coordinates of a point are drawn independently.
#include "hpceval_driver.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

void hist_2d(const std::vector<double> &x, const std::vector<double> &y, double xlo, double xhi, double ylo,
             double yhi, size_t nx, size_t ny, std::vector<int64_t> &counts);
void hpceval_baseline_hist_2d(const std::vector<double> &x, const std::vector<double> &y, double xlo, double xhi,
                              double ylo, double yhi, size_t nx, size_t ny, std::vector<int64_t> &counts);

struct Hist2dProblem {
    struct Input {
        double xlo = 0.0, xhi = 0.0, ylo = 0.0, yhi = 0.0;
        std::size_t nx = 0, ny = 0;
        std::vector<double> x, y;
        std::vector<std::int64_t> counts0;  // arbitrary contents of counts on entry; must be overwritten
        template <class F> void fields(F &&f) { f(xlo); f(xhi); f(ylo); f(yhi); f(nx); f(ny); f(x); f(y); f(counts0); }
    };

    // floor(r32 * m / 2^32) for a 32-bit random r32: uniform in [0, m) without a division.
    static std::uint64_t scale(std::uint64_t r32, std::uint64_t m) { return (r32 * m) >> 32; }

    // One axis: a power-of-two width, lo a multiple of it, hi = lo + nb * w.
    static void axis(hpceval::Rng &rng, std::uint64_t nb, double &lo, double &hi, double &w) {
        w = 1.0 / static_cast<double>(std::uint64_t(1) << rng.below(5));
        lo = w * (static_cast<double>(rng.below(2 * nb + 1)) - static_cast<double>(nb));
        hi = lo + static_cast<double>(nb) * w;
    }

    static double coord(hpceval::Rng &rng, std::uint64_t nb, double lo, double w) {
        const std::uint64_t r = rng.next_u64();
        const std::uint64_t r32 = r >> 32, sel = r & 15;
        const double u = rng.unit();
        const std::int64_t nbi = static_cast<std::int64_t>(nb);
        std::int64_t k;
        double f;
        if (sel == 0) {  // outside, below lo or at/above hi
            const std::int64_t off = static_cast<std::int64_t>(scale(r32, nb / 2 + 1));
            k = (r & 16) ? -1 - off : nbi + off;
            f = 0.001 + 0.998 * u;
        } else if (sel == 1) {  // exactly lo or exactly hi
            k = (r & 16) ? 0 : nbi;
            f = 0.0;
        } else if (sel == 2) {  // just above or just below an edge
            k = static_cast<std::int64_t>(scale(r32, nb));
            const double eps = 1e-6 + 9e-6 * u;
            f = (r & 16) ? eps : 1.0 - eps;
        } else {
            k = static_cast<std::int64_t>(scale(r32, nb));
            if (sel >= 10) k >>= (r >> 4) & 7;  // skewed towards the low bins
            f = 0.001 + 0.998 * u;
        }
        return lo + (static_cast<double>(k) + f) * w;
    }

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.nx = std::min<std::size_t>(size / 4096 + 2, 250);
        in.ny = std::min<std::size_t>(size / 2048 + 3, 503);
        double wx, wy;
        axis(rng, in.nx, in.xlo, in.xhi, wx);
        axis(rng, in.ny, in.ylo, in.yhi, wy);
        in.x.resize(size);
        in.y.resize(size);
        for (std::size_t i = 0; i < size; ++i) {
            in.x[i] = coord(rng, in.nx, in.xlo, wx);
            in.y[i] = coord(rng, in.ny, in.ylo, wy);
        }
        in.counts0.resize(in.nx * in.ny);
        for (std::int64_t &c : in.counts0) c = static_cast<std::int64_t>(rng.below(1000)) - 500;
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.counts0.size(), -1.0); }
    static void candidate(const Input &in, std::vector<double> &out) {
        std::vector<int64_t> counts(in.counts0);
        hist_2d(in.x, in.y, in.xlo, in.xhi, in.ylo, in.yhi, in.nx, in.ny, counts);
        out.assign(counts.begin(), counts.end());
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        std::vector<int64_t> counts(in.counts0);
        hpceval_baseline_hist_2d(in.x, in.y, in.xlo, in.xhi, in.ylo, in.yhi, in.nx, in.ny, counts);
        out.assign(counts.begin(), counts.end());
    }
};

HPCEVAL_MAIN(Hist2dProblem)
