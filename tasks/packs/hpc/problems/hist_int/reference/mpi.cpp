// MPI reference of hist_int: every rank counts one contiguous block of the values (branch-free
// binning into two interleaved 32-bit sub-histograms, flushed into 64-bit counts after every chunk
// of at most 2^31 values), then MPI_Reduce adds the ranks' histograms into counts on rank 0.
#include <mpi.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

// Histogram of v[lo, hi) into out[0, nbins) (overwritten).
void count_block(const int *__restrict v, std::size_t lo, std::size_t hi, std::size_t nbins,
                 std::int64_t *__restrict out) {
    const std::size_t stride = nbins + 1;  // bins 0..nbins-1, spare bin nbins
    const unsigned nb = static_cast<unsigned>(std::min<std::size_t>(nbins, 0xFFFFFFFFu));
    std::vector<std::uint32_t> sub(2 * stride);
    std::uint32_t *__restrict c0 = sub.data();
    std::uint32_t *__restrict c1 = sub.data() + stride;
    for (std::size_t b = 0; b < nbins; ++b) out[b] = 0;
    constexpr std::size_t CHUNK = std::size_t(1) << 31;
    for (std::size_t start = lo; start < hi; start += CHUNK) {
        const std::size_t end = std::min(hi, start + CHUNK);
        std::size_t i = start;
        for (; i + 2 <= end; i += 2) {
            unsigned x0 = static_cast<unsigned>(v[i]), x1 = static_cast<unsigned>(v[i + 1]);
            x0 = x0 < nb ? x0 : nb;
            x1 = x1 < nb ? x1 : nb;
            ++c0[x0];
            ++c1[x1];
        }
        for (; i < end; ++i) {
            const unsigned x = static_cast<unsigned>(v[i]);
            ++c0[x < nb ? x : nb];
        }
        for (std::size_t b = 0; b < nbins; ++b) {
            out[b] += static_cast<std::int64_t>(c0[b]) + c1[b];
            c0[b] = c1[b] = 0;
        }
    }
}

}  // namespace

void hist_int(const std::vector<int> &values, size_t nbins, std::vector<int64_t> &counts) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = values.size();
    const std::size_t P = static_cast<std::size_t>(size), R = static_cast<std::size_t>(rank);
    const std::size_t lo = n * R / P, hi = n * (R + 1) / P;
    count_block(values.data(), lo, hi, nbins, counts.data());
    if (size == 1) return;
    // MPI counts are ints: reduce in pieces of at most 2^30 bins.
    constexpr std::size_t PIECE = std::size_t(1) << 30;
    for (std::size_t b = 0; b < nbins; b += PIECE) {
        const int len = static_cast<int>(std::min(PIECE, nbins - b));
        if (rank == 0)
            MPI_Reduce(MPI_IN_PLACE, counts.data() + b, len, MPI_INT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
        else
            MPI_Reduce(counts.data() + b, nullptr, len, MPI_INT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
    }
}
