// MPI reference of hist_real: every rank bins one contiguous block of the values (one
// multiplication by a precomputed nbins / (hi - lo) per value, branch-free binning with a spare
// bin for values outside [lo, hi), two interleaved 32-bit sub-histograms flushed into 64-bit counts
// after every chunk of at most 2^31 values), then MPI_Reduce adds the ranks' histograms into counts
// on rank 0.
#include <mpi.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

// Bin of v, or `spare` (= nbins) when v is outside [lo, hi).
inline std::size_t bin_of(double v, double lo, double hi, double scale, std::size_t nbins) {
    const bool in = v >= lo && v < hi;
    const double t = in ? (v - lo) * scale : static_cast<double>(nbins);
    const std::size_t b = static_cast<std::size_t>(t);
    return (in && b >= nbins) ? nbins - 1 : b;
}

// Histogram of v[a, z) into out[0, nbins) (overwritten).
void count_block(const double *__restrict v, std::size_t a, std::size_t z, double lo, double hi,
                 std::size_t nbins, std::int64_t *__restrict out) {
    const std::size_t stride = nbins + 1;
    const double scale = static_cast<double>(nbins) / (hi - lo);
    std::vector<std::uint32_t> sub(2 * stride);
    std::uint32_t *__restrict c0 = sub.data();
    std::uint32_t *__restrict c1 = sub.data() + stride;
    for (std::size_t b = 0; b < nbins; ++b) out[b] = 0;
    constexpr std::size_t CHUNK = std::size_t(1) << 31;
    for (std::size_t start = a; start < z; start += CHUNK) {
        const std::size_t end = std::min(z, start + CHUNK);
        std::size_t i = start;
        for (; i + 2 <= end; i += 2) {
            ++c0[bin_of(v[i], lo, hi, scale, nbins)];
            ++c1[bin_of(v[i + 1], lo, hi, scale, nbins)];
        }
        for (; i < end; ++i) ++c0[bin_of(v[i], lo, hi, scale, nbins)];
        for (std::size_t b = 0; b < nbins; ++b) {
            out[b] += static_cast<std::int64_t>(c0[b]) + c1[b];
            c0[b] = c1[b] = 0;
        }
    }
}

}  // namespace

void hist_real(const std::vector<double> &x, double lo, double hi, size_t nbins, std::vector<int64_t> &counts) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = x.size();
    const std::size_t P = static_cast<std::size_t>(size), R = static_cast<std::size_t>(rank);
    count_block(x.data(), n * R / P, n * (R + 1) / P, lo, hi, nbins, counts.data());
    if (size == 1) return;
    constexpr std::size_t PIECE = std::size_t(1) << 30;  // MPI counts are ints
    for (std::size_t b = 0; b < nbins; b += PIECE) {
        const int len = static_cast<int>(std::min(PIECE, nbins - b));
        if (rank == 0)
            MPI_Reduce(MPI_IN_PLACE, counts.data() + b, len, MPI_INT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
        else
            MPI_Reduce(counts.data() + b, nullptr, len, MPI_INT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
    }
}
