// MPI reference of hist_2d: every rank bins one contiguous block of the points (multiplications by
// precomputed nx / (xhi - xlo) and ny / (yhi - ylo), branch-free binning with a spare cell for
// points outside the rectangle, two interleaved 32-bit sub-histograms flushed into 64-bit counts
// after every chunk of at most 2^31 points), then MPI_Reduce adds the ranks' histograms into
// counts on rank 0.
#include <mpi.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

struct Grid {
    double xlo, xhi, ylo, yhi, sx, sy;
    std::size_t nx, ny;
    // Cell of (px, py), or nx * ny (the spare cell) when the point is outside the rectangle.
    std::size_t cell(double px, double py) const {
        const bool in = px >= xlo && px < xhi && py >= ylo && py < yhi;
        const double tx = in ? (px - xlo) * sx : 0.0, ty = in ? (py - ylo) * sy : 0.0;
        std::size_t ix = static_cast<std::size_t>(tx), iy = static_cast<std::size_t>(ty);
        ix = ix < nx ? ix : nx - 1;
        iy = iy < ny ? iy : ny - 1;
        return in ? ix * ny + iy : nx * ny;
    }
};

// Histogram of the points [a, z) into out[0, nx * ny) (overwritten).
void count_block(const Grid &g, const double *__restrict px, const double *__restrict py, std::size_t a,
                 std::size_t z, std::int64_t *__restrict out) {
    const std::size_t cells = g.nx * g.ny, stride = cells + 1;
    std::vector<std::uint32_t> sub(2 * stride);
    std::uint32_t *__restrict c0 = sub.data();
    std::uint32_t *__restrict c1 = sub.data() + stride;
    for (std::size_t b = 0; b < cells; ++b) out[b] = 0;
    constexpr std::size_t CHUNK = std::size_t(1) << 31;
    for (std::size_t start = a; start < z; start += CHUNK) {
        const std::size_t end = std::min(z, start + CHUNK);
        std::size_t i = start;
        for (; i + 2 <= end; i += 2) {
            ++c0[g.cell(px[i], py[i])];
            ++c1[g.cell(px[i + 1], py[i + 1])];
        }
        for (; i < end; ++i) ++c0[g.cell(px[i], py[i])];
        for (std::size_t b = 0; b < cells; ++b) {
            out[b] += static_cast<std::int64_t>(c0[b]) + c1[b];
            c0[b] = c1[b] = 0;
        }
    }
}

}  // namespace

void hist_2d(const std::vector<double> &x, const std::vector<double> &y, double xlo, double xhi, double ylo,
             double yhi, size_t nx, size_t ny, std::vector<int64_t> &counts) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const Grid g{xlo, xhi, ylo, yhi, static_cast<double>(nx) / (xhi - xlo), static_cast<double>(ny) / (yhi - ylo),
                 nx, ny};
    const std::size_t n = x.size(), cells = nx * ny;
    const std::size_t P = static_cast<std::size_t>(size), R = static_cast<std::size_t>(rank);
    count_block(g, x.data(), y.data(), n * R / P, n * (R + 1) / P, counts.data());
    if (size == 1) return;
    constexpr std::size_t PIECE = std::size_t(1) << 30;  // MPI counts are ints
    for (std::size_t b = 0; b < cells; b += PIECE) {
        const int len = static_cast<int>(std::min(PIECE, cells - b));
        if (rank == 0)
            MPI_Reduce(MPI_IN_PLACE, counts.data() + b, len, MPI_INT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
        else
            MPI_Reduce(counts.data() + b, nullptr, len, MPI_INT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
    }
}
