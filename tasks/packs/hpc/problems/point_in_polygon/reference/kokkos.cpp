// Kokkos reference of point_in_polygon: edges bucketed into horizontal strips, then a parallel_for over the points.
// The strip index (2 nv strips) is built once, serially; each point tests only its strip's edges.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace {

// One non-horizontal edge as the crossing test needs it: its height range [ylo, yhi), the x of its
// lower end and its inverse slope dx/dy.
struct Edge {
    double ylo, yhi, xlo, slope;
};

// What a point query reads of the strip index: plain values and pointers, cheap to capture.
struct Strips {
    double ymin, ymax, inv_h;
    std::size_t count;
    const std::size_t *first;  // first[s] .. first[s + 1] - 1: the edges touching strip s
    const Edge *edges;

    KOKKOS_INLINE_FUNCTION std::size_t strip_of(double y) const {
        const double t = (y - ymin) * inv_h;
        if (!(t > 0.0)) return 0;
        const std::size_t s = static_cast<std::size_t>(t);
        return s < count ? s : count - 1;
    }
    // 1 when (px, py) is inside: the parity of the strip's edges crossing the ray towards +x. An edge
    // crossing the point's horizontal line always overlaps the point's strip (strip_of is monotone).
    KOKKOS_INLINE_FUNCTION int inside(double px, double py) const {
        if (!(py > ymin && py < ymax)) return 0;
        const std::size_t s = strip_of(py);
        unsigned in = 0;
        for (const Edge *e = edges + first[s], *end = edges + first[s + 1]; e != end; ++e)
            in ^= static_cast<unsigned>((py >= e->ylo) & (py < e->yhi) & (px < e->xlo + (py - e->ylo) * e->slope));
        return static_cast<int>(in);
    }
};

// Cuts the polygon's y-range into 2 nv equal strips and lists (CSR) every non-horizontal edge in
// each strip its height range touches (a horizontal edge never crosses a line through no vertex).
void build_strips(const double *poly, std::size_t nv, std::vector<std::size_t> &first, std::vector<Edge> &edges,
                  Strips &st) {
    st.ymin = st.ymax = poly[1];
    for (std::size_t i = 1; i < nv; ++i) {
        st.ymin = std::min(st.ymin, poly[2 * i + 1]);
        st.ymax = std::max(st.ymax, poly[2 * i + 1]);
    }
    st.count = 2 * nv;
    st.inv_h = st.ymax > st.ymin ? static_cast<double>(st.count) / (st.ymax - st.ymin) : 0.0;
    first.assign(st.count + 1, 0);
    for (std::size_t i = 0; i < nv; ++i) {
        const std::size_t j = i + 1 == nv ? 0 : i + 1;
        const double y0 = poly[2 * i + 1], y1 = poly[2 * j + 1];
        if (y0 == y1) continue;
        for (std::size_t s = st.strip_of(std::min(y0, y1)), last = st.strip_of(std::max(y0, y1)); s <= last; ++s)
            ++first[s + 1];
    }
    for (std::size_t s = 0; s < st.count; ++s) first[s + 1] += first[s];
    edges.resize(first[st.count]);
    std::vector<std::size_t> fill(first.begin(), first.end() - 1);
    for (std::size_t i = 0; i < nv; ++i) {
        const std::size_t j = i + 1 == nv ? 0 : i + 1;
        double x0 = poly[2 * i], y0 = poly[2 * i + 1], x1 = poly[2 * j], y1 = poly[2 * j + 1];
        if (y0 == y1) continue;
        if (y0 > y1) {
            std::swap(x0, x1);
            std::swap(y0, y1);
        }
        const Edge e{y0, y1, x0, (x1 - x0) / (y1 - y0)};
        for (std::size_t s = st.strip_of(y0), last = st.strip_of(y1); s <= last; ++s) edges[fill[s]++] = e;
    }
    st.first = first.data();
    st.edges = edges.data();
}

}  // namespace

void point_in_polygon(const std::vector<double> &poly, size_t nv, const std::vector<double> &pts, size_t np,
                      std::vector<int> &inside) {
    std::vector<std::size_t> first;
    std::vector<Edge> edges;
    Strips st{};
    build_strips(poly.data(), nv, first, edges, st);
    const double *pp = pts.data();
    int *out = inside.data();
    if (np * nv < 200000) {  // small: parallel overhead would dominate
        for (std::size_t p = 0; p < np; ++p) out[p] = st.inside(pp[2 * p], pp[2 * p + 1]);
        return;
    }
    Kokkos::parallel_for(
        "point_in_polygon",
        Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace, Kokkos::Schedule<Kokkos::Dynamic>>(0, np,
                                                                                                 Kokkos::ChunkSize(1024)),
        KOKKOS_LAMBDA(const std::size_t p) { out[p] = st.inside(pp[2 * p], pp[2 * p + 1]); });
    Kokkos::fence();
}
