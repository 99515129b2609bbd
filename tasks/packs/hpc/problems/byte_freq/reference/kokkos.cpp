// Kokkos reference of byte_freq: parallel_for over one contiguous block per host thread, each counted into four private 32-bit sub-histograms (eight bytes per load) and stored as that block's 256 totals; the blocks' totals are summed afterwards.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace {

// Adds the byte counts of d[lo, hi) to total[256]. Four sub-histograms keep runs of one byte from
// serializing on a single counter; 32-bit counters are flushed every 2^31 bytes.
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
    const std::size_t n = data.size();
    const std::uint8_t *d = data.data();
    if (n <= 200000) {
        std::int64_t total[256] = {};
        count_range(d, 0, n, total);
        for (int b = 0; b < 256; ++b) freq[b] = total[b];
        return;
    }
    using Exec = Kokkos::DefaultHostExecutionSpace;
    const std::size_t nb = static_cast<std::size_t>(Exec::concurrency() > 0 ? Exec::concurrency() : 1);
    // One 256-entry row per block (2 KiB apart: no false sharing).
    std::vector<std::int64_t> rows(nb * 256, 0);
    std::int64_t *rp = rows.data();
    Kokkos::parallel_for(
        "byte_freq", Kokkos::RangePolicy<Exec>(0, nb),
        KOKKOS_LAMBDA(const std::size_t t) { count_range(d, n * t / nb, n * (t + 1) / nb, rp + t * 256); });
    Kokkos::fence();
    for (int b = 0; b < 256; ++b) {
        std::int64_t s = 0;
        for (std::size_t t = 0; t < nb; ++t) s += rows[t * 256 + b];
        freq[b] = s;
    }
}
