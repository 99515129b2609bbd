// OpenMP reference of sssp: delta-stepping (Meyer and Sanders). Tentative distances are grouped in
// buckets of width delta; the lowest non-empty bucket is the frontier, whose vertices relax all their
// out-edges in parallel (dynamic chunks) with an atomic minimum (compare-and-swap) on the target's
// distance. Every successful update files the target in the bucket of its new distance, in bins kept
// per thread (no shared queue); then the threads agree on the lowest non-empty bucket and concatenate
// their bins of it into the next frontier. A bucket is revisited until nothing lands in it any more,
// so vertices improved within the bucket are relaxed again. delta = W * n / m (the maximum weight over
// the average out-degree) keeps few vertices settled wrongly while giving each step wide frontiers.
// Entries carry the distance they were filed with, so a stale entry (its vertex improved again since,
// and filed again) is skipped instead of relaxing its edges a second time.
#include <omp.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr std::int64_t INF = INT64_MAX;
constexpr std::size_t NONE = static_cast<std::size_t>(-1);

// d[v] = min(d[v], nd) atomically; true when nd was stored.
inline bool atomic_min(std::int64_t *p, std::int64_t nd) {
    std::int64_t old = __atomic_load_n(p, __ATOMIC_RELAXED);
    while (nd < old)
        if (__atomic_compare_exchange_n(p, &old, nd, true, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) return true;
    return false;
}

}  // namespace

void sssp(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
          const std::vector<int64_t> &weight, size_t source, std::vector<int64_t> &dist) {
    const std::size_t *__restrict rp = row_ptr.data();
    const std::size_t *__restrict ci = col_idx.data();
    const std::int64_t *__restrict w = weight.data();
    std::int64_t *d = dist.data();
    const std::size_t m = rp[n];
    const std::ptrdiff_t nn = static_cast<std::ptrdiff_t>(n), mm = static_cast<std::ptrdiff_t>(m);
    const bool par = m > 20000;

    std::int64_t maxw = 0;
#pragma omp parallel if (par)
    {
#pragma omp for schedule(static) nowait
        for (std::ptrdiff_t v = 0; v < nn; ++v) d[v] = INF;
#pragma omp for schedule(static) reduction(max : maxw)
        for (std::ptrdiff_t k = 0; k < mm; ++k) maxw = std::max(maxw, w[k]);
    }
    const std::uint64_t avg_deg = std::max<std::uint64_t>(1, m / std::max<std::size_t>(n, 1));
    const std::int64_t delta = std::max<std::int64_t>(1, maxw / static_cast<std::int64_t>(avg_deg));

    const int nthreads = par ? omp_get_max_threads() : 1;
    struct Entry {
        std::size_t v;
        std::int64_t d;
    };
    std::vector<std::vector<std::vector<Entry>>> bins(static_cast<std::size_t>(nthreads));
    std::vector<Entry> frontier{{source, 0}};
    std::vector<std::size_t> offset(static_cast<std::size_t>(nthreads) + 1, 0);
    std::size_t curr = 0, next_bin = NONE;
    d[source] = 0;

#pragma omp parallel num_threads(nthreads)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        std::vector<std::vector<Entry>> &my = bins[t];
        for (;;) {
            const std::ptrdiff_t fsize = static_cast<std::ptrdiff_t>(frontier.size());
#pragma omp for schedule(dynamic, 64)
            for (std::ptrdiff_t i = 0; i < fsize; ++i) {
                const std::size_t u = frontier[static_cast<std::size_t>(i)].v;
                const std::int64_t du = frontier[static_cast<std::size_t>(i)].d;
                if (__atomic_load_n(d + u, __ATOMIC_RELAXED) != du) continue;  // stale: filed again since
                for (std::size_t k = rp[u], end = rp[u + 1]; k < end; ++k) {
                    const std::size_t v = ci[k];
                    const std::int64_t nd = du + w[k];
                    if (atomic_min(d + v, nd)) {
                        const std::size_t b = static_cast<std::size_t>(nd / delta);
                        if (b >= my.size()) my.resize(b + 1);
                        my[b].push_back({v, nd});
                    }
                }
            }  // implicit barrier: the frontier is done
            std::size_t mine = NONE;
            for (std::size_t b = curr; b < my.size(); ++b)
                if (!my[b].empty()) {
                    mine = b;
                    break;
                }
#pragma omp single
            next_bin = NONE;
#pragma omp critical
            next_bin = std::min(next_bin, mine);
#pragma omp barrier
            if (next_bin == NONE) break;  // every thread sees the same value
            const std::size_t nb = next_bin;
            offset[t + 1] = nb < my.size() ? my[nb].size() : 0;
#pragma omp barrier
#pragma omp single
            {
                for (std::size_t q = 0; q < offset.size() - 1; ++q) offset[q + 1] += offset[q];
                frontier.resize(offset.back());
                curr = nb;
            }  // implicit barrier
            if (nb < my.size()) {
                std::copy(my[nb].begin(), my[nb].end(), frontier.begin() + static_cast<std::ptrdiff_t>(offset[t]));
                my[nb].clear();
            }
#pragma omp barrier
        }
    }
#pragma omp parallel for schedule(static) if (par)
    for (std::ptrdiff_t v = 0; v < nn; ++v)
        if (d[v] == INF) d[v] = -1;
}
