// MPI reference of conv2d: each rank computes one contiguous block of output rows (counts differ
// by at most one) from its full copy of the image, then rank 0 gathers the blocks with
// MPI_Gatherv. Each row stays in L1; for each kernel row the matching image row is added in with a
// branch-free vectorized loop over the interior columns (the kernel width is a compile-time
// constant for k = 3, 5, 7) and a bounds-checked path for the few border columns.
#include <mpi.h>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace {

// Output row i; K is the kernel width (k) when known at compile time, else 0.
template <std::size_t K>
void conv_row(const double *__restrict img, std::size_t m, std::size_t n, const double *__restrict ker,
              std::size_t k_runtime, std::size_t i, double *__restrict o) {
    const std::size_t k = K ? K : k_runtime;
    const std::size_t h = k / 2;
    for (std::size_t j = 0; j < n; ++j) o[j] = 0.0;
    const std::size_t j0 = std::min(h, n), j1 = n > 2 * h ? n - h : j0;  // interior columns [j0, j1)
    for (std::size_t a = 0; a < k; ++a) {
        if (i + a < h || i + a - h >= m) continue;
        const double *row = img + (i + a - h) * n;
        const double *w = ker + a * k;
        const double *base = row - h;  // base[j + b] = row[j + b - h]
        for (std::size_t j = j0; j < j1; ++j) {
            double s = o[j];
            for (std::size_t b = 0; b < k; ++b) s += w[b] * base[j + b];
            o[j] = s;
        }
        for (std::size_t j = 0; j < n; ++j) {
            if (j == j0 && j1 > j0) j = j1;  // skip the interior
            if (j >= n) break;
            double s = o[j];
            for (std::size_t b = 0; b < k; ++b)
                if (j + b >= h && j + b - h < n) s += w[b] * row[j + b - h];
            o[j] = s;
        }
    }
}

void conv_one_row(const double *img, std::size_t m, std::size_t n, const double *ker, std::size_t k, std::size_t i,
                  double *o) {
    switch (k) {
        case 3: conv_row<3>(img, m, n, ker, k, i, o); break;
        case 5: conv_row<5>(img, m, n, ker, k, i, o); break;
        case 7: conv_row<7>(img, m, n, ker, k, i, o); break;
        default: conv_row<0>(img, m, n, ker, k, i, o); break;
    }
}

// Rows [lo, hi) owned by `rank` (counts differ by at most one).
void block_range(std::size_t m, int rank, int size, std::size_t &lo, std::size_t &hi) {
    const std::size_t p = static_cast<std::size_t>(size), q = static_cast<std::size_t>(rank);
    const std::size_t base = m / p, extra = m % p;
    lo = q * base + std::min(q, extra);
    hi = lo + base + (q < extra ? 1 : 0);
}

}  // namespace

void conv2d(const std::vector<double> &image, size_t m, size_t n, const std::vector<double> &kernel, size_t k,
            std::vector<double> &out) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    std::size_t lo = 0, hi = 0;
    block_range(m, rank, size, lo, hi);
    const double *img = image.data(), *ker = kernel.data();
    double *o = out.data();
    const std::ptrdiff_t plo = static_cast<std::ptrdiff_t>(lo), phi = static_cast<std::ptrdiff_t>(hi);
    for (std::ptrdiff_t i = plo; i < phi; ++i) {
        const std::size_t r = static_cast<std::size_t>(i);
        conv_one_row(img, m, n, ker, k, r, o + r * n);
    }

    if (size == 1) return;
    std::vector<int> counts(size), displs(size);
    for (int q = 0; q < size; ++q) {
        std::size_t b0 = 0, b1 = 0;
        block_range(m, q, size, b0, b1);
        counts[q] = static_cast<int>((b1 - b0) * n);
        displs[q] = static_cast<int>(b0 * n);
    }
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, o, counts.data(), displs.data(), MPI_DOUBLE, 0, MPI_COMM_WORLD);
    else
        MPI_Gatherv(o + lo * n, counts[rank], MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0, MPI_COMM_WORLD);
}
