// Kokkos reference of collatz_steps: chunks of 2048 values under a dynamic-schedule parallel_for; within a chunk, runs of halvings stripped with one count-trailing-zeros, a table of small values' steps, and four trajectories interleaved.
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr std::uint64_t TAB = 1u << 14;  // values below TAB are looked up
constexpr int LANES = 4;                 // trajectories iterated side by side
constexpr std::size_t CHUNK = 2048;      // values per work item

// Steps of 1 .. TAB - 1: each value iterated until it drops below itself, then the known count added.
void build_table(std::vector<std::uint16_t> &tab) {
    tab.assign(TAB, 0);
    for (std::uint64_t v = 2; v < TAB; ++v) {
        std::uint64_t w = v;
        unsigned c = 0;
        while (w >= v) {
            w = (w & 1) ? 3 * w + 1 : w / 2;
            ++c;
        }
        tab[v] = static_cast<std::uint16_t>(c + tab[w]);
    }
}

// Steps of values[lo, hi) into steps[lo, hi). A lane is idle when its index is SIZE_MAX (value 1).
void count_range(const std::uint64_t *values, int *steps, std::size_t lo, std::size_t hi, const std::uint16_t *tab) {
    std::uint64_t v[LANES];
    std::int64_t c[LANES];
    std::size_t idx[LANES];
    std::size_t next = lo;
    int live = 0;
    // Loads the next value needing iteration into lane l (table hits are stored on the way).
    auto load = [&](int l) {
        while (next < hi) {
            const std::size_t i = next++;
            const std::uint64_t x = values[i];
            if (x < TAB) {
                steps[i] = tab[x];
                continue;
            }
            v[l] = x;
            c[l] = 0;
            idx[l] = i;
            ++live;
            return;
        }
        v[l] = 1;
        c[l] = 0;
        idx[l] = SIZE_MAX;
    };
    for (int l = 0; l < LANES; ++l) load(l);
    while (live > 0) {
        for (int l = 0; l < LANES; ++l) {
            // an odd step if v is odd, then all halvings to the next odd value at once
            std::uint64_t x = v[l];
            const std::uint64_t odd = x & 1;
            x = odd ? 3 * x + 1 : x;
            const int tz = __builtin_ctzll(x);
            v[l] = x >> tz;
            c[l] += static_cast<std::int64_t>(odd) + tz;
        }
        for (int l = 0; l < LANES; ++l)
            if (v[l] < TAB && idx[l] != SIZE_MAX) {
                steps[idx[l]] = static_cast<int>(c[l] + tab[v[l]]);
                --live;
                load(l);
            }
    }
}

}  // namespace

void collatz_steps(const std::vector<uint64_t> &values, std::vector<int> &steps) {
    std::vector<std::uint16_t> tab;
    build_table(tab);
    const std::size_t n = values.size();
    const std::uint64_t *vp = values.data();
    int *sp = steps.data();
    const std::uint16_t *tp = tab.data();
    if (n <= 20000) {
        count_range(vp, sp, 0, n, tp);
        return;
    }
    // Work grows along the array: dynamic hand-out of one chunk at a time.
    const std::size_t chunks = (n + CHUNK - 1) / CHUNK;
    Kokkos::parallel_for(
        "collatz_steps",
        Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace, Kokkos::Schedule<Kokkos::Dynamic>>(0, chunks,
                                                                                                 Kokkos::ChunkSize(1)),
        KOKKOS_LAMBDA(const std::size_t k) {
            const std::size_t lo = k * CHUNK;
            count_range(vp, sp, lo, lo + CHUNK < n ? lo + CHUNK : n, tp);
        });
    Kokkos::fence();
}
