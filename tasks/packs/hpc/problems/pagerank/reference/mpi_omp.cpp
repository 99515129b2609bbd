// MPI+OpenMP reference of pagerank: pull-based power iteration over a distributed transpose. The vertices are
// split into one contiguous block per rank (balanced by out-edges); a rank owns the out-edges of its
// block's sources and computes the ranks of its block's targets. Setup: each rank sorts its sources'
// edges by owner of the target, sends the (target, source) pairs that leave its block to their owners
// with one MPI_Alltoallv, and builds the in-edge lists of its targets (32-bit source ids when n allows).
// Each iteration: every rank knows all contributions c[u] (r[u] / out(u), or r[u] itself for a
// dangling u, which has no out-edges to use it), sums the dangling mass from them in a fixed order
// (so all ranks agree bit for bit), gathers its targets' new ranks and contributions, and one
// MPI_Allgatherv shares the new contributions. Rank 0 gathers the ranks at the end (MPI_Gatherv).
// Inside a rank the per-vertex sweeps and the gather of every iteration are OpenMP loops (dynamic
// chunks: in-degrees vary); the one-time transpose stays sequential per rank (a few percent of the
// run), and the dangling mass is summed sequentially so that every rank gets the same bits. MPI is
// called only outside the parallel regions.
#include <mpi.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace {

// Items [lo, hi) of part t out of parts, balanced by the prefix array pre (pre[0] = 0, pre[n] = total).
void balanced(const std::size_t *pre, std::size_t n, std::size_t t, std::size_t parts, std::size_t &lo,
              std::size_t &hi) {
    const std::size_t total = pre[n];
    lo = t == 0 ? 0 : static_cast<std::size_t>(std::lower_bound(pre, pre + n + 1, total * t / parts) - pre);
    hi = t + 1 == parts ? n : static_cast<std::size_t>(std::lower_bound(pre, pre + n + 1, total * (t + 1) / parts) - pre);
}

template <class Id>
void run(std::size_t n, const std::size_t *__restrict rp, const std::size_t *__restrict ci, double damping,
         int iterations, double *__restrict r, int rank, int size) {
    const double inv_n = 1.0 / static_cast<double>(n);
    const std::size_t p = static_cast<std::size_t>(size), me = static_cast<std::size_t>(rank);
    std::vector<std::size_t> start(p + 1);
    for (std::size_t q = 0; q < p; ++q) {
        std::size_t lo = 0, hi = 0;
        balanced(rp, n, q, p, lo, hi);
        start[q] = lo;
        start[q + 1] = hi;
    }
    auto owner = [&](std::size_t v) {
        return static_cast<std::size_t>(std::upper_bound(start.begin() + 1, start.end() - 1, v) - (start.begin() + 1));
    };
    const std::size_t lo = start[me], hi = start[me + 1], len = hi - lo;

    // Distributed transpose. Pass 1: count my targets' local in-edges and the pairs for every other rank.
    std::vector<std::size_t> in_ptr(len + 1, 0);
    std::vector<int> send_count(p, 0), recv_count(p, 0), send_displ(p + 1, 0), recv_displ(p + 1, 0);
    for (std::size_t k = rp[lo]; k < rp[hi]; ++k) {
        const std::size_t v = ci[k];
        if (v >= lo && v < hi) ++in_ptr[v - lo + 1];
        else send_count[owner(v)] += 2;
    }
    MPI_Alltoall(send_count.data(), 1, MPI_INT, recv_count.data(), 1, MPI_INT, MPI_COMM_WORLD);
    for (std::size_t q = 0; q < p; ++q) {
        send_displ[q + 1] = send_displ[q] + send_count[q];
        recv_displ[q + 1] = recv_displ[q] + recv_count[q];
    }
    std::vector<std::uint64_t> sendbuf(static_cast<std::size_t>(send_displ[p])), recvbuf(static_cast<std::size_t>(recv_displ[p]));
    {
        std::vector<int> at(send_displ.begin(), send_displ.end() - 1);
        for (std::size_t u = lo; u < hi; ++u)
            for (std::size_t k = rp[u]; k < rp[u + 1]; ++k) {
                const std::size_t v = ci[k];
                if (v >= lo && v < hi) continue;
                const std::size_t q = owner(v);
                sendbuf[static_cast<std::size_t>(at[q]++)] = v;
                sendbuf[static_cast<std::size_t>(at[q]++)] = u;
            }
    }
    MPI_Alltoallv(sendbuf.data(), send_count.data(), send_displ.data(), MPI_UINT64_T, recvbuf.data(),
                  recv_count.data(), recv_displ.data(), MPI_UINT64_T, MPI_COMM_WORLD);
    std::vector<std::uint64_t>().swap(sendbuf);
    const std::size_t received = recvbuf.size() / 2;
    for (std::size_t i = 0; i < received; ++i) ++in_ptr[recvbuf[2 * i] - lo + 1];
    for (std::size_t v = 0; v < len; ++v) in_ptr[v + 1] += in_ptr[v];
    std::vector<Id> src(in_ptr[len]);
    {
        std::vector<std::size_t> fill(in_ptr.begin(), in_ptr.end() - 1);
        for (std::size_t u = lo; u < hi; ++u)
            for (std::size_t k = rp[u]; k < rp[u + 1]; ++k) {
                const std::size_t v = ci[k];
                if (v >= lo && v < hi) src[fill[v - lo]++] = static_cast<Id>(u);
            }
        for (std::size_t i = 0; i < received; ++i) src[fill[recvbuf[2 * i] - lo]++] = static_cast<Id>(recvbuf[2 * i + 1]);
    }
    std::vector<std::uint64_t>().swap(recvbuf);

    // Contributions of every vertex (replicated), reciprocal out-degrees of mine, the dangling list.
    std::vector<double> c(n), cn(len), io(len);
    std::vector<std::size_t> dangling_list;
    const std::ptrdiff_t nn = static_cast<std::ptrdiff_t>(n), nlen = static_cast<std::ptrdiff_t>(len);
    const bool par = n > 50000;
#pragma omp parallel if (par)
    {
#pragma omp for schedule(static) nowait
        for (std::ptrdiff_t u = 0; u < nn; ++u) {
            const std::size_t deg = rp[u + 1] - rp[u];
            c[static_cast<std::size_t>(u)] = deg ? inv_n / static_cast<double>(deg) : inv_n;
        }
#pragma omp for schedule(static) nowait
        for (std::ptrdiff_t i = 0; i < nlen; ++i) {
            const std::size_t deg = rp[lo + static_cast<std::size_t>(i) + 1] - rp[lo + static_cast<std::size_t>(i)];
            io[static_cast<std::size_t>(i)] = deg ? 1.0 / static_cast<double>(deg) : 0.0;
        }
    }
    for (std::size_t u = 0; u < n; ++u)
        if (rp[u + 1] == rp[u]) dangling_list.push_back(u);
    std::vector<int> counts(p), displs(p);
    for (std::size_t q = 0; q < p; ++q) {
        counts[q] = static_cast<int>(start[q + 1] - start[q]);
        displs[q] = static_cast<int>(start[q]);
    }

    const std::size_t *__restrict ip = in_ptr.data();
    const Id *__restrict sp = src.data();
    const double *__restrict cc = c.data();
    double *__restrict cw = cn.data();
    const double *__restrict iw = io.data();
    for (int it = 0; it < iterations; ++it) {
        double dangling = 0.0;
        for (std::size_t d : dangling_list) dangling += cc[d];
        const double base = (1.0 - damping) * inv_n + damping * dangling * inv_n;
#pragma omp parallel for schedule(dynamic, 1024) if (par)
        for (std::ptrdiff_t ii = 0; ii < nlen; ++ii) {
            const std::size_t i = static_cast<std::size_t>(ii);
            double s0 = 0.0, s1 = 0.0;
            std::size_t k = ip[i];
            const std::size_t end = ip[i + 1];
            for (; k + 2 <= end; k += 2) {
                s0 += cc[sp[k]];
                s1 += cc[sp[k + 1]];
            }
            if (k < end) s0 += cc[sp[k]];
            const double rv = base + damping * (s0 + s1);
            r[lo + i] = rv;
            cw[i] = iw[i] == 0.0 ? rv : rv * iw[i];
        }
        if (it + 1 < iterations)
            MPI_Allgatherv(cw, static_cast<int>(len), MPI_DOUBLE, c.data(), counts.data(), displs.data(), MPI_DOUBLE,
                           MPI_COMM_WORLD);
    }
    if (size == 1) return;
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, r, counts.data(), displs.data(), MPI_DOUBLE, 0, MPI_COMM_WORLD);
    else
        MPI_Gatherv(r + lo, static_cast<int>(len), MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0, MPI_COMM_WORLD);
}

}  // namespace

void pagerank(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx, double damping,
              int iterations, std::vector<double> &rank) {
    int me = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &me);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    double *r = rank.data();
    for (std::size_t v = 0; v < n; ++v) r[v] = 1.0 / static_cast<double>(n);
    if (iterations <= 0 || n == 0) return;
    if (n <= 0xffffffffu) run<std::uint32_t>(n, row_ptr.data(), col_idx.data(), damping, iterations, r, me, size);
    else run<std::uint64_t>(n, row_ptr.data(), col_idx.data(), damping, iterations, r, me, size);
}
