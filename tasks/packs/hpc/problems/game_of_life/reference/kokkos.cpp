// Kokkos reference of game_of_life: padded double-buffered grids, one static parallel_for over the rows per generation with a branch-free vectorized row kernel.
// The two grids carry a ring of dead cells, so the row kernel needs no bounds checks; the static
// schedule gives the same rows to the same thread every generation (cache reuse), and copying in
// and out is a parallel_for over the rows as well. Small grids run serially.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace {

// One row of the next generation; up, mid, dn and out are padded rows (index 0 and n + 1 dead).
inline void life_row(const int *__restrict up, const int *__restrict mid, const int *__restrict dn,
                     int *__restrict out, std::size_t n) {
    for (std::size_t j = 1; j <= n; ++j) {
        const int s = up[j - 1] + up[j] + up[j + 1] + mid[j - 1] + mid[j + 1] + dn[j - 1] + dn[j] + dn[j + 1];
        out[j] = (s == 3) | ((s == 2) & mid[j]);
    }
}

}  // namespace

void game_of_life(std::vector<int> &cells, size_t m, size_t n, int generations) {
    if (m == 0 || n == 0 || generations <= 0) return;
    const std::size_t w = n + 2;  // padded row length
    std::vector<int> a((m + 2) * w, 0), b((m + 2) * w, 0);
    int *cur = a.data();
    int *nxt = b.data();
    int *const c = cells.data();
    if (m * n <= 20000) {  // small grid: parallel overhead would dominate
        for (std::size_t r = 0; r < m; ++r) std::copy_n(c + r * n, n, cur + (r + 1) * w + 1);
        for (int g = 0; g < generations; ++g) {
            for (std::size_t r = 1; r <= m; ++r)
                life_row(cur + (r - 1) * w, cur + r * w, cur + (r + 1) * w, nxt + r * w, n);
            std::swap(cur, nxt);
        }
        for (std::size_t r = 0; r < m; ++r) std::copy_n(cur + (r + 1) * w + 1, n, c + r * n);
        return;
    }
    using Static = Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace, Kokkos::Schedule<Kokkos::Static>>;
    {
        int *const dst = cur;
        Kokkos::parallel_for(
            "game_of_life_in", Static(0, m),
            KOKKOS_LAMBDA(const std::size_t r) { std::copy_n(c + r * n, n, dst + (r + 1) * w + 1); });
    }
    for (int g = 0; g < generations; ++g) {
        const int *const src = cur;
        int *const dst = nxt;
        Kokkos::parallel_for(
            "game_of_life_generation", Static(1, m + 1), KOKKOS_LAMBDA(const std::size_t r) {
                life_row(src + (r - 1) * w, src + r * w, src + (r + 1) * w, dst + r * w, n);
            });
        std::swap(cur, nxt);
    }
    {
        const int *const src = cur;
        Kokkos::parallel_for(
            "game_of_life_out", Static(0, m),
            KOKKOS_LAMBDA(const std::size_t r) { std::copy_n(src + (r + 1) * w + 1, n, c + r * n); });
    }
    Kokkos::fence();
}
