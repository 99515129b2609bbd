// MPI reference of point_in_polygon: every rank builds the serial reference's strip index from its
// copy of the polygon (edges bucketed into 2 nv horizontal strips), tests one contiguous block of
// the points, and rank 0 gathers the answers with MPI_Gatherv.
#include <mpi.h>
#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace {

// One edge as the crossing test needs it: its height range [ylo, yhi), the x of its lower end and
// its inverse slope dx/dy.
struct EdgeRec {
    double ylo, yhi, xlo, slope;
};

// The polygon's edges bucketed by height: the y-range of the polygon is cut into `strips` equal
// strips, and every non-horizontal edge is listed (CSR) in each strip its height range touches. A
// point only tests the edges of its own strip: an edge that crosses the point's horizontal line
// always overlaps that strip (the strip of a height is a monotone function of it).
struct StripIndex {
    double ymin = 0.0, ymax = 0.0, inv_h = 0.0;
    std::size_t strips = 1;
    std::vector<std::size_t> start;
    std::vector<EdgeRec> recs;

    std::size_t strip_of(double y) const {
        const double t = (y - ymin) * inv_h;
        if (!(t > 0.0)) return 0;
        const std::size_t s = static_cast<std::size_t>(t);
        return s < strips ? s : strips - 1;
    }
    void build(const double *poly, std::size_t nv) {
        ymin = ymax = poly[1];
        for (std::size_t i = 1; i < nv; ++i) {
            ymin = std::min(ymin, poly[2 * i + 1]);
            ymax = std::max(ymax, poly[2 * i + 1]);
        }
        strips = 2 * nv;
        inv_h = ymax > ymin ? static_cast<double>(strips) / (ymax - ymin) : 0.0;
        start.assign(strips + 1, 0);
        for (std::size_t i = 0; i < nv; ++i) {
            const std::size_t j = i + 1 == nv ? 0 : i + 1;
            const double y0 = poly[2 * i + 1], y1 = poly[2 * j + 1];
            if (y0 == y1) continue;  // horizontal: never crosses a line through no vertex
            const std::size_t s0 = strip_of(std::min(y0, y1)), s1 = strip_of(std::max(y0, y1));
            for (std::size_t s = s0; s <= s1; ++s) ++start[s + 1];
        }
        for (std::size_t s = 0; s < strips; ++s) start[s + 1] += start[s];
        recs.resize(start[strips]);
        std::vector<std::size_t> fill(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < nv; ++i) {
            const std::size_t j = i + 1 == nv ? 0 : i + 1;
            double x0 = poly[2 * i], y0 = poly[2 * i + 1], x1 = poly[2 * j], y1 = poly[2 * j + 1];
            if (y0 == y1) continue;
            if (y0 > y1) {
                std::swap(x0, x1);
                std::swap(y0, y1);
            }
            const EdgeRec e{y0, y1, x0, (x1 - x0) / (y1 - y0)};
            const std::size_t s0 = strip_of(y0), s1 = strip_of(y1);
            for (std::size_t s = s0; s <= s1; ++s) recs[fill[s]++] = e;
        }
    }
    // 1 when (px, py) is inside: the parity of the edges crossing the ray towards +x.
    int query(double px, double py) const {
        if (!(py > ymin && py < ymax)) return 0;
        const std::size_t s = strip_of(py);
        const EdgeRec *e = recs.data() + start[s], *end = recs.data() + start[s + 1];
        unsigned in = 0;
        for (; e != end; ++e)
            in ^= static_cast<unsigned>((py >= e->ylo) & (py < e->yhi) & (px < e->xlo + (py - e->ylo) * e->slope));
        return static_cast<int>(in);
    }
};

}  // namespace

void point_in_polygon(const std::vector<double> &poly, size_t nv, const std::vector<double> &pts, size_t np,
                      std::vector<int> &inside) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    StripIndex index;  // every rank builds it (cheap next to the queries) from its copy of the polygon
    index.build(poly.data(), nv);
    std::vector<int> counts(static_cast<std::size_t>(size)), displs(static_cast<std::size_t>(size));
    for (int q = 0; q < size; ++q) {
        const std::size_t lo = np * static_cast<std::size_t>(q) / static_cast<std::size_t>(size);
        const std::size_t hi = np * static_cast<std::size_t>(q + 1) / static_cast<std::size_t>(size);
        displs[static_cast<std::size_t>(q)] = static_cast<int>(lo);
        counts[static_cast<std::size_t>(q)] = static_cast<int>(hi - lo);
    }
    const std::ptrdiff_t lo = displs[static_cast<std::size_t>(rank)];
    const std::ptrdiff_t hi = lo + counts[static_cast<std::size_t>(rank)];
    const double *pp = pts.data();
    int *out = inside.data();
    for (std::ptrdiff_t p = lo; p < hi; ++p) out[p] = index.query(pp[2 * p], pp[2 * p + 1]);
    if (size == 1) return;
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_INT, out, counts.data(), displs.data(), MPI_INT, 0, MPI_COMM_WORLD);
    else
        MPI_Gatherv(out + lo, counts[static_cast<std::size_t>(rank)], MPI_INT, nullptr, nullptr, nullptr, MPI_INT, 0,
                    MPI_COMM_WORLD);
}
