// Kokkos reference of sssp: delta-stepping; each step relaxes the lowest non-empty bucket's frontier in a parallel_for of one worker per thread taking chunks from an atomic counter, with an atomic minimum, filing improved vertices in per-worker bins, which are concatenated into the next frontier.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr std::int64_t UNREACHED = INT64_MAX;
constexpr std::size_t NO_BIN = static_cast<std::size_t>(-1);

// A frontier entry: the vertex and the distance it was filed with (a stale entry no longer matches).
struct Item {
    std::size_t v;
    std::int64_t d;
};
using Bins = std::vector<std::vector<Item>>;

// Relax the out-edges of u (filed with distance du) unless the entry is stale; every improved target is
// filed in `bins` under bucket nd / delta.
inline void relax_vertex(const std::size_t *rp, const std::size_t *ci, const std::int64_t *w, std::int64_t *d,
                         std::int64_t delta, std::size_t u, std::int64_t du, Bins &bins) {
    if (*static_cast<volatile const std::int64_t *>(d + u) != du) return;  // improved and filed again since
    for (std::size_t k = rp[u], end = rp[u + 1]; k < end; ++k) {
        const std::size_t v = ci[k];
        const std::int64_t nd = du + w[k];
        if (Kokkos::atomic_fetch_min(d + v, nd) > nd) {  // stored
            const std::size_t b = static_cast<std::size_t>(nd / delta);
            if (b >= bins.size()) bins.resize(b + 1);
            bins[b].push_back(Item{v, nd});
        }
    }
}

}  // namespace

void sssp(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
          const std::vector<int64_t> &weight, size_t source, std::vector<int64_t> &dist) {
    const std::size_t *rp = row_ptr.data(), *ci = col_idx.data();
    const std::int64_t *w = weight.data();
    std::int64_t *d = dist.data();
    const std::size_t m = rp[n];
    const bool par = m > 20000;
    using Policy = Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>;

    std::int64_t maxw = 0;
    if (par) {
        Kokkos::parallel_for(
            "sssp_init", Policy(0, n), KOKKOS_LAMBDA(const std::size_t v) { d[v] = UNREACHED; });
        Kokkos::parallel_reduce(
            "sssp_maxw", Policy(0, m),
            KOKKOS_LAMBDA(const std::size_t k, std::int64_t &mx) {
                if (w[k] > mx) mx = w[k];
            },
            Kokkos::Max<std::int64_t>(maxw));
    } else {
        for (std::size_t v = 0; v < n; ++v) d[v] = UNREACHED;
        for (std::size_t k = 0; k < m; ++k) maxw = std::max(maxw, w[k]);
    }
    // delta = max weight / average out-degree: wide frontiers, few vertices settled wrongly.
    const std::int64_t avg_deg = static_cast<std::int64_t>(std::max<std::size_t>(1, m / std::max<std::size_t>(n, 1)));
    const std::int64_t delta = std::max<std::int64_t>(1, maxw / avg_deg);
    d[source] = 0;

    const std::size_t T =
        par ? static_cast<std::size_t>(Kokkos::DefaultHostExecutionSpace::concurrency()) : 1;
    std::vector<Bins> bins(T);
    Bins *bp = bins.data();
    std::vector<Item> frontier{Item{source, 0}};
    std::vector<std::size_t> offset(T + 1, 0);
    std::size_t curr = 0;
    for (;;) {
        const Item *fr = frontier.data();
        const std::size_t fsize = frontier.size();
        if (par && fsize > 64) {
            // T workers (one per thread) take chunks of 64 entries from a shared counter (the degrees vary),
            // each filing into its own bins.
            std::size_t next = 0;
            std::size_t *np = &next;
            Kokkos::parallel_for(
                "sssp_relax", Policy(0, T), KOKKOS_LAMBDA(const std::size_t t) {
                    Bins &mine = bp[t];
                    for (;;) {
                        const std::size_t i0 = Kokkos::atomic_fetch_add(np, std::size_t{64});
                        if (i0 >= fsize) break;
                        const std::size_t i1 = i0 + 64 < fsize ? i0 + 64 : fsize;
                        for (std::size_t i = i0; i < i1; ++i) relax_vertex(rp, ci, w, d, delta, fr[i].v, fr[i].d, mine);
                    }
                });
            Kokkos::fence();
        } else {
            for (std::size_t i = 0; i < fsize; ++i) relax_vertex(rp, ci, w, d, delta, fr[i].v, fr[i].d, bp[0]);
        }
        // The lowest non-empty bucket over all bins (buckets below curr are empty: distances only grow).
        std::size_t nb = NO_BIN;
        for (std::size_t t = 0; t < T; ++t)
            for (std::size_t b = curr; b < bins[t].size() && b < nb; ++b)
                if (!bins[t][b].empty()) {
                    nb = b;
                    break;
                }
        if (nb == NO_BIN) break;
        for (std::size_t t = 0; t < T; ++t) offset[t + 1] = offset[t] + (nb < bins[t].size() ? bins[t][nb].size() : 0);
        frontier.resize(offset[T]);
        curr = nb;
        Item *dst = frontier.data();
        const std::size_t *off = offset.data();
        if (par && offset[T] > 4096) {
            Kokkos::parallel_for(
                "sssp_gather", Policy(0, T), KOKKOS_LAMBDA(const std::size_t t) {
                    if (nb < bp[t].size()) {
                        std::copy(bp[t][nb].begin(), bp[t][nb].end(), dst + off[t]);
                        bp[t][nb].clear();
                    }
                });
            Kokkos::fence();
        } else {
            for (std::size_t t = 0; t < T; ++t)
                if (nb < bins[t].size()) {
                    std::copy(bins[t][nb].begin(), bins[t][nb].end(), dst + off[t]);
                    bins[t][nb].clear();
                }
        }
    }
    if (par) {
        Kokkos::parallel_for(
            "sssp_unreached", Policy(0, n), KOKKOS_LAMBDA(const std::size_t v) {
                if (d[v] == UNREACHED) d[v] = -1;
            });
        Kokkos::fence();
    } else {
        for (std::size_t v = 0; v < n; ++v)
            if (d[v] == UNREACHED) d[v] = -1;
    }
}
