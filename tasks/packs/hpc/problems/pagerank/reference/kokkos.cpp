// Kokkos reference of pagerank: push-based power iteration with a private accumulator per chunk of sources.
// Chunks are balanced by out-edges and read 32-bit targets; a parallel_reduce over the vertices merges the
// accumulators, writes the next shares and sums the dangling mass.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace {

using StaticRange = Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace, Kokkos::Schedule<Kokkos::Static>>;

// f(0) .. f(count - 1): a static Kokkos parallel_for when par, else a plain loop.
template <class F> void for_each(const char *name, std::size_t count, bool par, const F &f) {
    if (par) Kokkos::parallel_for(name, StaticRange(0, count, Kokkos::ChunkSize(1)), f);
    else
        for (std::size_t k = 0; k < count; ++k) f(k);
}

// The sum over k of what f(k, acc) adds to acc: a Kokkos parallel_reduce when par, else a plain loop.
template <class F> double sum_each(const char *name, std::size_t count, bool par, const F &f) {
    double total = 0.0;
    if (par) Kokkos::parallel_reduce(name, StaticRange(0, count, Kokkos::ChunkSize(1)), f, Kokkos::Sum<double>(total));
    else
        for (std::size_t k = 0; k < count; ++k) f(k, total);
    return total;
}

template <class Id>
void run(std::size_t n, const std::size_t *__restrict rp, const std::size_t *__restrict ci, double damping,
         int iterations, double *__restrict r) {
    const double inv_n = 1.0 / static_cast<double>(n);
    const std::size_t m = rp[n];
    const bool par = m + n > 50000;
    const std::size_t nc =
        par ? static_cast<std::size_t>(std::max(1, Kokkos::DefaultHostExecutionSpace::concurrency())) : 1;
    // chunk c pushes the sources [slo[c], slo[c + 1]), balanced by out-edges
    std::vector<std::size_t> slo(nc + 1, n);
    slo[0] = 0;
    for (std::size_t c = 1; c < nc; ++c)
        slo[c] = static_cast<std::size_t>(std::lower_bound(rp, rp + n + 1, m * c / nc) - rp);
    std::unique_ptr<double[]> acc(new double[nc * n]), share(new double[n]), inv_out(new double[n]);
    std::unique_ptr<Id[]> tgt(new Id[m > 0 ? m : 1]);
    double *ac = acc.get(), *sh = share.get(), *io = inv_out.get();
    Id *tg = tgt.get();
    const std::size_t *sl = slo.data();

    // 1. per vertex: 1 / out(u), the first shares, zeroed accumulators (first touch by the threads
    //    that merge them), the initial dangling mass; per chunk of sources: the 32-bit targets
    double dangling = sum_each("pagerank_init", nc, par, KOKKOS_LAMBDA(const std::size_t c, double &dsum) {
        for (std::size_t v = n * c / nc; v < n * (c + 1) / nc; ++v) {
            const std::size_t deg = rp[v + 1] - rp[v];
            io[v] = deg ? 1.0 / static_cast<double>(deg) : 0.0;
            sh[v] = inv_n * io[v];
            if (deg == 0) dsum += inv_n;
            for (std::size_t q = 0; q < nc; ++q) ac[q * n + v] = 0.0;
        }
    });
    for_each("pagerank_ids", nc, par, KOKKOS_LAMBDA(const std::size_t c) {
        for (std::size_t k = rp[sl[c]]; k < rp[sl[c + 1]]; ++k) tg[k] = static_cast<Id>(ci[k]);
    });

    for (int it = 0; it < iterations; ++it) {
        // 2. every chunk pushes its sources' shares into its own accumulator
        for_each("pagerank_push", nc, par, KOKKOS_LAMBDA(const std::size_t c) {
            double *__restrict a = ac + c * n;
            for (std::size_t u = sl[c]; u < sl[c + 1]; ++u) {
                const double s = sh[u];
                for (std::size_t k = rp[u]; k < rp[u + 1]; ++k) a[tg[k]] += s;
            }
        });
        // 3. merge the accumulators (and zero them), new rank and share, the next dangling mass
        const double base = (1.0 - damping) * inv_n + damping * dangling * inv_n;
        dangling = sum_each("pagerank_merge", nc, par, KOKKOS_LAMBDA(const std::size_t c, double &dsum) {
            for (std::size_t v = n * c / nc; v < n * (c + 1) / nc; ++v) {
                double s = 0.0;
                for (std::size_t q = 0; q < nc; ++q) {
                    s += ac[q * n + v];
                    ac[q * n + v] = 0.0;
                }
                const double rv = base + damping * s;
                r[v] = rv;
                sh[v] = rv * io[v];
                if (io[v] == 0.0) dsum += rv;
            }
        });
    }
}

}  // namespace

void pagerank(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx, double damping,
              int iterations, std::vector<double> &rank) {
    double *r = rank.data();
    const double init = 1.0 / static_cast<double>(n);
    for_each("pagerank_fill", n, n > 50000, KOKKOS_LAMBDA(const std::size_t v) { r[v] = init; });
    if (iterations <= 0 || n == 0) return;
    if (n <= 0xffffffffu) run<std::uint32_t>(n, row_ptr.data(), col_idx.data(), damping, iterations, r);
    else run<std::uint64_t>(n, row_ptr.data(), col_idx.data(), damping, iterations, r);
}
