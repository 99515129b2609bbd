// MPI+OpenMP reference of hist_real: every rank takes one contiguous block of the values and
// splits it again over its threads; each thread bins its part into its own pair of interleaved
// 32-bit sub-histograms (one multiplication by a precomputed nbins / (hi - lo) per value,
// branch-free binning with a spare bin for values outside [lo, hi); rounds of at most 2^31 values
// per thread), the threads add up the private histograms bin range by bin range, and MPI_Reduce
// (outside the parallel region) adds the ranks' histograms into counts on rank 0.
#include <mpi.h>
#include <omp.h>

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

// Histogram of v[lo_i, hi_i) into out[0, nbins) (overwritten), over the threads of this rank.
void count_block(const double *__restrict v, std::size_t lo_i, std::size_t hi_i, double lo, double hi,
                 std::size_t nbins, std::int64_t *__restrict out) {
    const std::size_t stride = nbins + 1;
    const double scale = static_cast<double>(nbins) / (hi - lo);
    const int nt_used = hi_i - lo_i > 30000 ? omp_get_max_threads() : 1;
    std::vector<std::uint32_t> priv(static_cast<std::size_t>(nt_used) * 2 * stride);
    constexpr std::size_t ROUND = std::size_t(1) << 31;  // values per thread and round
    const std::ptrdiff_t bins = static_cast<std::ptrdiff_t>(nbins);
#pragma omp parallel num_threads(nt_used)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        std::uint32_t *__restrict c0 = priv.data() + 2 * t * stride;
        std::uint32_t *__restrict c1 = c0 + stride;
        std::size_t r0 = lo_i;
        do {
            const std::size_t r1 = std::min(hi_i, r0 + ROUND * nt);
            const std::size_t a = r0 + (r1 - r0) * t / nt, z = r0 + (r1 - r0) * (t + 1) / nt;
            for (std::size_t b = 0; b < stride; ++b) c0[b] = c1[b] = 0;
            std::size_t i = a;
            for (; i + 2 <= z; i += 2) {
                ++c0[bin_of(v[i], lo, hi, scale, nbins)];
                ++c1[bin_of(v[i + 1], lo, hi, scale, nbins)];
            }
            for (; i < z; ++i) ++c0[bin_of(v[i], lo, hi, scale, nbins)];
            const bool first = r0 == lo_i;
#pragma omp barrier
#pragma omp for schedule(static)
            for (std::ptrdiff_t b = 0; b < bins; ++b) {
                std::int64_t s = first ? 0 : out[b];
                for (std::size_t u = 0; u < nt; ++u) {
                    const std::uint32_t *p = priv.data() + 2 * u * stride;
                    s += static_cast<std::int64_t>(p[b]) + p[stride + b];
                }
                out[b] = s;
            }
            r0 = r1;
        } while (r0 < hi_i);
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
