// MPI reference of polygon_area: the polygons are split into one contiguous range per rank holding
// about the same number of vertices (binary search in offsets), every rank computes the areas of
// its range (shoelace sums with four independent accumulators, closing edge added once), and rank 0
// gathers them with MPI_Gatherv.
#include <mpi.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace {

// Twice the signed area of the polygon with vertices [b, e) (0 when it has fewer than 3).
inline double twice_signed_area(const double *__restrict x, const double *__restrict y, std::size_t b,
                                std::size_t e) {
    if (e - b < 3) return 0.0;
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    std::size_t k = b;
    for (; k + 4 < e; k += 4) {
        s0 += x[k] * y[k + 1] - x[k + 1] * y[k];
        s1 += x[k + 1] * y[k + 2] - x[k + 2] * y[k + 1];
        s2 += x[k + 2] * y[k + 3] - x[k + 3] * y[k + 2];
        s3 += x[k + 3] * y[k + 4] - x[k + 4] * y[k + 3];
    }
    for (; k + 1 < e; ++k) s0 += x[k] * y[k + 1] - x[k + 1] * y[k];
    s1 += x[e - 1] * y[b] - x[b] * y[e - 1];
    return (s0 + s1) + (s2 + s3);
}

// Polygons [p0, p1) of part `part` out of `parts`, balanced by vertex count.
void vertex_block(const std::size_t *off, std::size_t m, std::size_t part, std::size_t parts, std::size_t &p0,
                  std::size_t &p1) {
    const std::size_t nv = off[m];
    auto at = [&](std::size_t target) {
        return std::min(m, static_cast<std::size_t>(std::lower_bound(off, off + m + 1, target) - off));
    };
    p0 = part == 0 ? 0 : at(nv * part / parts);
    p1 = part + 1 == parts ? m : at(nv * (part + 1) / parts);
}

}  // namespace

void polygon_area(const std::vector<size_t> &offsets, const std::vector<double> &x, const std::vector<double> &y,
                  std::vector<double> &areas) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t m = offsets.size() - 1;
    const std::size_t *off = offsets.data();
    const double *xp = x.data(), *yp = y.data();
    double *out = areas.data();
    const std::size_t P = static_cast<std::size_t>(size);

    std::size_t p0 = 0, p1 = 0;
    vertex_block(off, m, static_cast<std::size_t>(rank), P, p0, p1);
    for (std::size_t p = p0; p < p1; ++p) out[p] = 0.5 * std::fabs(twice_signed_area(xp, yp, off[p], off[p + 1]));

    if (size == 1) return;
    std::vector<int> counts(size), displs(size);
    for (std::size_t r = 0; r < P; ++r) {
        std::size_t b0 = 0, b1 = 0;
        vertex_block(off, m, r, P, b0, b1);
        counts[r] = static_cast<int>(b1 - b0);
        displs[r] = static_cast<int>(b0);
    }
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, out, counts.data(), displs.data(), MPI_DOUBLE, 0, MPI_COMM_WORLD);
    else
        MPI_Gatherv(out + p0, counts[rank], MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0, MPI_COMM_WORLD);
}
