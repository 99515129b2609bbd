// MPI reference of byte_freq: every rank counts one contiguous block of the bytes (eight bytes per
// load, spread over four 32-bit sub-histograms so runs of one byte do not serialize on one counter;
// flushed into 64-bit totals every 2^31 bytes), then MPI_Reduce adds the 256 counts of all ranks
// into freq on rank 0.
#include <mpi.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace {

// Adds the byte counts of d[lo, hi) to total[256].
void count_range(const std::uint8_t *__restrict d, std::size_t lo, std::size_t hi, std::int64_t *total) {
    std::uint32_t c[4][256];
    constexpr std::size_t CHUNK = std::size_t(1) << 31;
    for (std::size_t start = lo; start < hi; start += CHUNK) {
        const std::size_t end = std::min(hi, start + CHUNK);
        std::memset(c, 0, sizeof c);
        std::size_t i = start;
        for (; i + 8 <= end; i += 8) {
            std::uint64_t w;
            std::memcpy(&w, d + i, 8);
            ++c[0][w & 0xFF];
            ++c[1][(w >> 8) & 0xFF];
            ++c[2][(w >> 16) & 0xFF];
            ++c[3][(w >> 24) & 0xFF];
            ++c[0][(w >> 32) & 0xFF];
            ++c[1][(w >> 40) & 0xFF];
            ++c[2][(w >> 48) & 0xFF];
            ++c[3][w >> 56];
        }
        for (; i < end; ++i) ++c[0][d[i]];
        for (int b = 0; b < 256; ++b) total[b] += static_cast<std::int64_t>(c[0][b]) + c[1][b] + c[2][b] + c[3][b];
    }
}

}  // namespace

void byte_freq(const std::vector<uint8_t> &data, std::vector<int64_t> &freq) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = data.size();
    const std::size_t P = static_cast<std::size_t>(size), R = static_cast<std::size_t>(rank);
    std::int64_t total[256] = {};
    count_range(data.data(), n * R / P, n * (R + 1) / P, total);
    MPI_Reduce(total, freq.data(), 256, MPI_INT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
}
