// Driver of the polygon_area problem: the areas of many simple polygons stored CSR-like (the
// vertices of polygon p are offsets[p] .. offsets[p + 1] - 1 of x and y).
// size -> m = size polygons. Vertex counts: one polygon in 64 is degenerate (0, 1 or 2 vertices,
// area 0), one in 256 is large (256 .. 4095 vertices), the others have 3 .. 40 vertices (about 32
// vertices per polygon on average). Every polygon is x-monotone, hence simple: strictly increasing
// x from its leftmost to its rightmost vertex along an upper chain and back along a lower chain;
// its width is 0.5 .. 10 (20 .. 100 for large ones), its centre within [-100, 100]^2, the vertex
// order is clockwise or counter-clockwise at random and starts at a random vertex.
#include "hpceval_driver.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

void polygon_area(const std::vector<size_t> &offsets, const std::vector<double> &x, const std::vector<double> &y,
                  std::vector<double> &areas);
void hpceval_baseline_polygon_area(const std::vector<size_t> &offsets, const std::vector<double> &x,
                                   const std::vector<double> &y, std::vector<double> &areas);

struct PolygonAreaProblem {
    struct Input {
        std::vector<std::size_t> offsets;
        std::vector<double> x, y;
        std::vector<double> areas0;  // arbitrary contents of areas on entry; must be overwritten
        template <class F> void fields(F &&f) { f(offsets); f(x); f(y); f(areas0); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        const std::size_t m = size;
        in.offsets.resize(m + 1);
        in.offsets[0] = 0;
        std::vector<std::size_t> counts(m);
        for (std::size_t p = 0; p < m; ++p) {
            const std::uint64_t r = rng.next_u64();
            std::size_t c;
            if ((r & 63) == 0) c = (r >> 8) % 3;                     // degenerate
            else if (((r >> 6) & 255) == 0) c = 256 + (r >> 16) % 3840;  // large
            else c = 3 + (r >> 16) % 38;
            counts[p] = c;
            in.offsets[p + 1] = in.offsets[p] + c;
        }
        const std::size_t total = in.offsets[m];
        in.x.resize(total);
        in.y.resize(total);
        std::vector<double> px, py, step;
        std::vector<unsigned char> upper;
        for (std::size_t p = 0; p < m; ++p) {
            const std::size_t c = counts[p], base = in.offsets[p];
            const double cx = rng.uniform(-100.0, 100.0), cy = rng.uniform(-100.0, 100.0);
            if (c < 3) {
                for (std::size_t k = 0; k < c; ++k) {
                    in.x[base + k] = cx + rng.uniform();
                    in.y[base + k] = cy + rng.uniform();
                }
                continue;
            }
            const double width = c >= 256 ? rng.uniform(20.0, 100.0) : rng.uniform(0.5, 10.0);
            // x positions: strictly increasing, from cx - width/2 to cx + width/2.
            step.resize(c - 1);
            double sum = 0.0;
            for (double &s : step) sum += (s = 0.05 + rng.unit());
            // Interior vertices go to the upper or the lower chain.
            upper.resize(c);
            std::size_t nup = 0;
            for (std::size_t k = 1; k + 1 < c; ++k) nup += (upper[k] = static_cast<unsigned char>(rng.next_u64() & 1));
            // Order: leftmost, upper chain left to right, rightmost, lower chain right to left.
            px.resize(c);
            py.resize(c);
            const double h = width * 0.5;
            double xpos = cx - width / 2;
            std::size_t up_at = 1, low_at = c - 1;
            px[0] = xpos;
            py[0] = cy + h * rng.uniform(-0.2, 0.2);
            for (std::size_t k = 1; k < c; ++k) {
                xpos += width * step[k - 1] / sum;
                const double yoff = h * (0.05 + 0.95 * rng.unit());
                if (k + 1 == c) {
                    px[1 + nup] = xpos;
                    py[1 + nup] = cy + h * rng.uniform(-0.2, 0.2);
                } else if (upper[k]) {
                    px[up_at] = xpos;
                    py[up_at++] = cy + 0.2 * h + yoff;
                } else {
                    px[low_at] = xpos;
                    py[low_at--] = cy - 0.2 * h - yoff;
                }
            }
            const std::size_t shift = rng.below(c);
            const bool reverse = rng.next_u64() & 1;
            for (std::size_t k = 0; k < c; ++k) {
                const std::size_t src = reverse ? c - 1 - k : k;
                const std::size_t dst = base + (k + shift) % c;
                in.x[dst] = px[src];
                in.y[dst] = py[src];
            }
        }
        in.areas0.resize(m);
        hpceval::fill_uniform(in.areas0, rng, 100.0, 1000.0);
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.areas0.begin(), in.areas0.end()); }
    static void candidate(const Input &in, std::vector<double> &out) { polygon_area(in.offsets, in.x, in.y, out); }
    static void baseline(const Input &in, std::vector<double> &out) {
        hpceval_baseline_polygon_area(in.offsets, in.x, in.y, out);
    }
};

HPCEVAL_MAIN(PolygonAreaProblem)
