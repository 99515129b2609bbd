// MPI+OpenMP reference of mandelbrot: rows are dealt out cyclically over the ranks (row r to rank
// r % P; neighbouring rows cost about the same, so the ranks get equal shares), and a rank's rows
// are handed out dynamically to its threads. Rank 0 gathers the packed rows with MPI_Gatherv and
// puts them in place. Within a row, pixels are iterated in groups of L lanes at once (branch-free,
// vectorized, independent dependency chains).
#include <mpi.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr int L = 8;  // pixels iterated together

// Counts of pixels [c0, c0 + lanes) of row r (lanes <= L).
void group(double x_min, double dx, double ci, std::size_t c0, int lanes, int max_iter, int *out) {
    double cr[L], zr[L], zi[L];
    std::int64_t alive[L], cnt[L];
    for (int l = 0; l < L; ++l) {
        cr[l] = x_min + static_cast<double>(c0 + static_cast<std::size_t>(l < lanes ? l : 0)) * dx;
        zr[l] = 0.0;
        zi[l] = 0.0;
        alive[l] = 1;
        cnt[l] = 0;
    }
    for (int it = 0; it < max_iter;) {
        // A few iterations between the checks for a live lane: a lane's mask only ever drops.
        const int stop = max_iter - it < 8 ? max_iter : it + 8;
        for (; it < stop; ++it) {
            for (int l = 0; l < L; ++l) {
                const double zr2 = zr[l] * zr[l], zi2 = zi[l] * zi[l];
                alive[l] &= static_cast<std::int64_t>(!(zr2 + zi2 > 4.0));
                cnt[l] += alive[l];
                zi[l] = 2.0 * zr[l] * zi[l] + ci;
                zr[l] = zr2 - zi2 + cr[l];
            }
        }
        std::int64_t any = 0;
        for (int l = 0; l < L; ++l) any |= alive[l];
        if (!any) break;
    }
    for (int l = 0; l < lanes; ++l) out[l] = static_cast<int>(cnt[l]);
}

// Counts of row r into out[0, width).
void mandel_row(double x_min, double dx, double ci, std::size_t width, int max_iter, int *out) {
    for (std::size_t c = 0; c < width; c += L) {
        const int lanes = width - c < static_cast<std::size_t>(L) ? static_cast<int>(width - c) : L;
        group(x_min, dx, ci, c, lanes, max_iter, out + c);
    }
}

}  // namespace

void mandelbrot(double x_min, double x_max, double y_min, double y_max, size_t width, size_t height, int max_iter,
                std::vector<int> &counts) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const double dx = (x_max - x_min) / static_cast<double>(width);
    const double dy = (y_max - y_min) / static_cast<double>(height);
    const std::size_t p = static_cast<std::size_t>(size), q = static_cast<std::size_t>(rank);
    // Rows q, q + p, q + 2p, ... (cyclic: neighbouring rows cost about the same, so every rank gets
    // an equal share of the expensive band), computed into a packed buffer.
    const std::size_t mine = height > q ? (height - q + p - 1) / p : 0;
    std::vector<int> packed(mine * width);
    int *buf = packed.data();
    const std::ptrdiff_t rows = static_cast<std::ptrdiff_t>(mine);
#pragma omp parallel for schedule(dynamic, 1) if (static_cast<double>(mine) * width * max_iter > 1.0e6)
    for (std::ptrdiff_t k = 0; k < rows; ++k) {
        const std::size_t r = q + static_cast<std::size_t>(k) * p;
        mandel_row(x_min, dx, y_min + static_cast<double>(r) * dy, width, max_iter,
                   buf + static_cast<std::size_t>(k) * width);
    }

    if (size == 1) {
        std::copy(packed.begin(), packed.end(), counts.begin());
        return;
    }
    std::vector<int> sizes(size), displs(size);
    for (std::size_t t = 0; t < p; ++t) {
        const std::size_t n_t = height > t ? (height - t + p - 1) / p : 0;
        sizes[t] = static_cast<int>(n_t * width);
        displs[t] = t == 0 ? 0 : displs[t - 1] + sizes[t - 1];
    }
    std::vector<int> all(rank == 0 ? height * width : 0);
    MPI_Gatherv(buf, sizes[rank], MPI_INT, all.data(), sizes.data(), displs.data(), MPI_INT, 0, MPI_COMM_WORLD);
    if (rank != 0) return;
    // Rank t's k-th row is global row t + k p.
    for (std::size_t t = 0; t < p; ++t) {
        const int *src = all.data() + displs[t];
        for (std::size_t r = t, k = 0; r < height; r += p, ++k)
            std::copy(src + k * width, src + (k + 1) * width, counts.begin() + static_cast<std::ptrdiff_t>(r * width));
    }
}
