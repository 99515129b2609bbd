// OpenMP reference of pagerank: pull-based power iteration, so no two threads ever add into the same
// rank. The graph is transposed once with a parallel counting sort (each thread counts the targets of
// its block of sources in a private array, the counts become per-thread write offsets, and each thread
// places its sources; no atomics, and every in-edge list comes out sorted). The sources are stored as
// 32-bit ids when n allows. Each iteration then gives every thread a fixed range of targets holding
// about the same number of in-edges: it gathers c[u] = r[u] / out(u) over each target's in-edges,
// writes the new rank and the next iteration's contribution (double-buffered), and sums its share of
// the dangling mass (an OpenMP reduction). One parallel region spans the whole computation.
#include <omp.h>

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
    if (hi < lo) hi = lo;
}

template <class Id>
void run(std::size_t n, const std::size_t *__restrict rp, const std::size_t *__restrict ci, double damping,
         int iterations, double *__restrict r) {
    const double inv_n = 1.0 / static_cast<double>(n);
    const std::size_t m = rp[n];
    const int nthreads = m + n > 50000 ? omp_get_max_threads() : 1;
    std::vector<std::vector<std::size_t>> counts(static_cast<std::size_t>(nthreads));
    std::vector<std::size_t> in_ptr(n + 1, 0);
    std::vector<Id> src(m);
    std::vector<double> inv_out(n), cbuf(n), nbuf(n);
    std::vector<std::size_t> block_sum(static_cast<std::size_t>(nthreads) + 1, 0);
    double *bufs[2] = {cbuf.data(), nbuf.data()};
    double dangling = 0.0, next_dangling = 0.0;

#pragma omp parallel num_threads(nthreads)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        std::size_t s_lo = 0, s_hi = 0;  // my sources, balanced by out-edges
        balanced(rp, n, t, nt, s_lo, s_hi);
        std::vector<std::size_t> &cnt = counts[t];
        cnt.assign(n, 0);
        for (std::size_t k = rp[s_lo]; k < rp[s_hi]; ++k) ++cnt[ci[k]];
        for (std::size_t u = s_lo; u < s_hi; ++u) {
            const std::size_t deg = rp[u + 1] - rp[u];
            inv_out[u] = deg ? 1.0 / static_cast<double>(deg) : 0.0;
            bufs[0][u] = inv_n * inv_out[u];
        }
#pragma omp barrier
        // in-degrees and an exclusive scan over the vertices (block-wise: sums, offsets, then fill)
        const std::size_t v_lo = n * t / nt, v_hi = n * (t + 1) / nt;
        std::size_t sum = 0;
        for (std::size_t v = v_lo; v < v_hi; ++v) {
            std::size_t deg = 0;
            for (std::size_t q = 0; q < nt; ++q) deg += counts[q][v];
            in_ptr[v + 1] = deg;
            sum += deg;
        }
        block_sum[t + 1] = sum;
#pragma omp barrier
#pragma omp single
        for (std::size_t q = 0; q < nt; ++q) block_sum[q + 1] += block_sum[q];
        std::size_t run_sum = block_sum[t];
        for (std::size_t v = v_lo; v < v_hi; ++v) {
            // thread q writes the sources of v at in_ptr[v] + (counts of threads before q)
            std::size_t at = run_sum;
            for (std::size_t q = 0; q < nt; ++q) {
                const std::size_t c = counts[q][v];
                counts[q][v] = at;
                at += c;
            }
            run_sum = at;
            in_ptr[v + 1] = at;
        }
#pragma omp barrier
        for (std::size_t u = s_lo; u < s_hi; ++u)
            for (std::size_t k = rp[u]; k < rp[u + 1]; ++k) src[cnt[ci[k]]++] = static_cast<Id>(u);
        std::vector<std::size_t>().swap(cnt);
        std::size_t d_lo = 0, d_hi = 0;  // my targets, balanced by in-edges (+1 per vertex)
#pragma omp barrier
        {
            // balance on in_ptr[v] + v so that vertices without in-edges still count
            std::size_t lo = 0, hi = n;
            const std::size_t total = m + n;
            auto first_at = [&](std::size_t target) {
                std::size_t a = 0, b = n + 1;  // first v with in_ptr[v] + v >= target
                while (a < b) {
                    const std::size_t mid = (a + b) / 2;
                    if (in_ptr[mid] + mid < target) a = mid + 1;
                    else b = mid;
                }
                return a;
            };
            if (t > 0) lo = first_at(total * t / nt);
            if (t + 1 < nt) hi = first_at(total * (t + 1) / nt);
            d_lo = std::min(lo, n);
            d_hi = std::max(d_lo, std::min(hi, n));
        }
        double my_dangling = 0.0;
        for (std::size_t v = d_lo; v < d_hi; ++v)
            if (inv_out[v] == 0.0) my_dangling += inv_n;
#pragma omp atomic
        dangling += my_dangling;
#pragma omp barrier

        const std::size_t *__restrict ip = in_ptr.data();
        const Id *__restrict sp = src.data();
        const double *__restrict io = inv_out.data();
        for (int it = 0; it < iterations; ++it) {
            const double *__restrict c = bufs[it & 1];
            double *__restrict cn = bufs[(it + 1) & 1];
            const double base = (1.0 - damping) * inv_n + damping * dangling * inv_n;
            double dsum = 0.0;
            for (std::size_t v = d_lo; v < d_hi; ++v) {
                double s0 = 0.0, s1 = 0.0;
                std::size_t k = ip[v];
                const std::size_t end = ip[v + 1];
                for (; k + 2 <= end; k += 2) {
                    s0 += c[sp[k]];
                    s1 += c[sp[k + 1]];
                }
                if (k < end) s0 += c[sp[k]];
                const double rv = base + damping * (s0 + s1);
                r[v] = rv;
                cn[v] = rv * io[v];
                if (io[v] == 0.0) dsum += rv;
            }
#pragma omp atomic
            next_dangling += dsum;
#pragma omp barrier
#pragma omp single
            {
                dangling = next_dangling;
                next_dangling = 0.0;
            }  // implicit barrier: every thread sees the new dangling mass and contributions
        }
    }
}

}  // namespace

void pagerank(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx, double damping,
              int iterations, std::vector<double> &rank) {
    double *r = rank.data();
    const std::ptrdiff_t nn = static_cast<std::ptrdiff_t>(n);
#pragma omp parallel for schedule(static) if (n > 50000)
    for (std::ptrdiff_t v = 0; v < nn; ++v) r[v] = 1.0 / static_cast<double>(n);
    if (iterations <= 0 || n == 0) return;
    if (n <= 0xffffffffu) run<std::uint32_t>(n, row_ptr.data(), col_idx.data(), damping, iterations, r);
    else run<std::uint64_t>(n, row_ptr.data(), col_idx.data(), damping, iterations, r);
}
