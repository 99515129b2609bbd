// Kokkos reference of triangle_count: a parallel_reduce over one worker per thread, taking chunks of vertices u (the smallest vertex of each triangle) from an atomic counter; each worker's byte array flags u's upper neighbours, and the flags of every upper neighbour's upper neighbours are summed branch-free.
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace {

// Triangles u < v < w with smallest vertex u, using the all-zero flag array f (left all-zero).
inline std::size_t triangles_from(const std::size_t *__restrict rp, const std::size_t *__restrict ci,
                                  std::uint8_t *__restrict f, std::size_t u) {
    const std::size_t a1 = rp[u + 1];
    std::size_t a0 = a1;
    while (a0 > rp[u] && ci[a0 - 1] > u) f[ci[--a0]] = 1;  // u's upper neighbours: a suffix of its row
    std::size_t c = 0;
    if (a1 - a0 >= 2) {
        for (std::size_t a = a0; a < a1; ++a) {
            const std::size_t v = ci[a];
            const std::size_t b0 = rp[v];
            for (std::size_t b = rp[v + 1]; b > b0 && ci[b - 1] > v; --b) c += f[ci[b - 1]];
        }
    }
    for (std::size_t a = a0; a < a1; ++a) f[ci[a]] = 0;
    return c;
}

}  // namespace

size_t triangle_count(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx) {
    const std::size_t *rp = row_ptr.data();
    const std::size_t *ci = col_idx.data();
    if (rp[n] <= 50000) {
        std::vector<std::uint8_t> flag(n, 0);
        std::size_t count = 0;
        for (std::size_t u = 0; u < n; ++u) count += triangles_from(rp, ci, flag.data(), u);
        return count;
    }
    // T workers (one per thread), each with its own flag array, take chunks of 1024 vertices from a shared
    // counter (the work per vertex varies); their counts are summed by the reduction.
    const std::size_t T = static_cast<std::size_t>(Kokkos::DefaultHostExecutionSpace::concurrency());
    std::unique_ptr<std::uint8_t[]> flags(new std::uint8_t[T * n]);
    std::uint8_t *fl = flags.get();
    std::size_t next = 0;
    std::size_t *np = &next;
    std::size_t count = 0;
    Kokkos::parallel_reduce(
        "tc_count", Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>(0, T),
        KOKKOS_LAMBDA(const std::size_t t, std::size_t &acc) {
            std::uint8_t *f = fl + t * n;
            for (std::size_t i = 0; i < n; ++i) f[i] = 0;  // cleared (and first touched) by its worker
            std::size_t c = 0;
            for (;;) {
                const std::size_t u0 = Kokkos::atomic_fetch_add(np, std::size_t{1024});
                if (u0 >= n) break;
                const std::size_t u1 = u0 + 1024 < n ? u0 + 1024 : n;
                for (std::size_t u = u0; u < u1; ++u) c += triangles_from(rp, ci, f, u);
            }
            acc += c;
        },
        Kokkos::Sum<std::size_t>(count));
    return count;
}
