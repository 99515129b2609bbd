// MPI reference of sssp: delta-stepping (Meyer and Sanders) on the replicated graph, in synchronous
// steps. Every rank holds the same tentative distances, the same buckets of width delta
// (delta = W * n / m, the maximum weight over the average out-degree) and so the same frontier: the
// lowest non-empty bucket. In a step each rank relaxes the out-edges of its share of the frontier and
// records the improvements it finds (target, new distance); one MPI_Allgather of the counts and one
// MPI_Allgatherv of the improvements give every rank all of them in the same order, and every rank
// applies them (a minimum, so the result does not depend on who found what) and files each improved
// vertex in the bucket of its new distance. A bucket is revisited until nothing lands in it any more.
// Every rank ends with every distance, rank 0 included.
#include <mpi.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr std::int64_t INF = INT64_MAX;

}  // namespace

void sssp(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
          const std::vector<int64_t> &weight, size_t source, std::vector<int64_t> &dist) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t *__restrict rp = row_ptr.data();
    const std::size_t *__restrict ci = col_idx.data();
    const std::int64_t *__restrict w = weight.data();
    std::int64_t *__restrict d = dist.data();
    const std::size_t m = rp[n];
    for (std::size_t v = 0; v < n; ++v) d[v] = INF;
    std::int64_t maxw = 0;
    for (std::size_t k = 0; k < m; ++k) maxw = std::max(maxw, w[k]);
    const std::int64_t avg_deg = static_cast<std::int64_t>(std::max<std::size_t>(1, m / std::max<std::size_t>(n, 1)));
    const std::int64_t delta = std::max<std::int64_t>(1, maxw / avg_deg);

    std::vector<std::vector<std::size_t>> bins(1);
    std::vector<std::size_t> frontier{source};
    std::vector<std::uint32_t> filed(n, 0), taken(n, 0);  // step stamps: filed in a bin / taken into a frontier
    std::vector<std::int64_t> mine, all;                  // improvements as (vertex, distance) pairs
    std::vector<int> counts(static_cast<std::size_t>(size)), displs(static_cast<std::size_t>(size));
    std::size_t curr = 0;
    std::uint32_t step = 0;
    d[source] = 0;

    while (!frontier.empty()) {
        ++step;
        // Relax my share of the frontier.
        const std::size_t f = frontier.size();
        const std::size_t f_lo = f * static_cast<std::size_t>(rank) / static_cast<std::size_t>(size);
        const std::size_t f_hi = f * static_cast<std::size_t>(rank + 1) / static_cast<std::size_t>(size);
        mine.clear();
        for (std::size_t i = f_lo; i < f_hi; ++i) {
            const std::size_t u = frontier[i];
            const std::int64_t du = d[u];
            for (std::size_t k = rp[u], end = rp[u + 1]; k < end; ++k) {
                const std::size_t v = ci[k];
                const std::int64_t nd = du + w[k];
                if (nd < d[v]) {  // my own copy also prunes my later, worse proposals
                    d[v] = nd;
                    mine.push_back(static_cast<std::int64_t>(v));
                    mine.push_back(nd);
                }
            }
        }
        // Share the improvements; every rank applies all of them in the same order.
        const int count = static_cast<int>(mine.size());
        if (size > 1) {
            MPI_Allgather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, MPI_COMM_WORLD);
            std::size_t total = 0;
            for (int q = 0; q < size; ++q) {
                displs[static_cast<std::size_t>(q)] = static_cast<int>(total);
                total += static_cast<std::size_t>(counts[static_cast<std::size_t>(q)]);
            }
            all.resize(total);
            MPI_Allgatherv(mine.data(), count, MPI_INT64_T, all.data(), counts.data(), displs.data(), MPI_INT64_T,
                           MPI_COMM_WORLD);
        } else {
            all.swap(mine);
        }
        for (std::size_t i = 0; i < all.size(); i += 2) {
            const std::size_t v = static_cast<std::size_t>(all[i]);
            if (all[i + 1] < d[v]) d[v] = all[i + 1];
        }
        for (std::size_t i = 0; i < all.size(); i += 2) {
            const std::size_t v = static_cast<std::size_t>(all[i]);
            if (all[i + 1] != d[v] || filed[v] == step) continue;
            filed[v] = step;
            const std::size_t b = static_cast<std::size_t>(d[v] / delta);
            if (b >= bins.size()) bins.resize(b + 1);
            bins[b].push_back(v);
        }
        // Next frontier: the current bucket again if it refilled, else the next non-empty one.
        while (curr < bins.size() && bins[curr].empty()) ++curr;
        frontier.clear();
        if (curr == bins.size()) break;
        for (std::size_t v : bins[curr])
            if (taken[v] != step && static_cast<std::size_t>(d[v] / delta) == curr) {
                taken[v] = step;
                frontier.push_back(v);
            }
        bins[curr].clear();
    }
    for (std::size_t v = 0; v < n; ++v)
        if (d[v] == INF) d[v] = -1;
}
