// Kokkos reference of sparse_dot: a dynamically scheduled parallel_for over the pairs (chunks of 256); per pair a two-pointer merge, or galloping search when one list is over 32 times longer.
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <vector>

namespace {

// Two-pointer merge of two sorted index lists.
double merge_lists(const std::size_t *__restrict ia, const double *__restrict va, std::size_t na,
                   const std::size_t *__restrict ib, const double *__restrict vb, std::size_t nb) {
    std::size_t i = 0, j = 0;
    double acc = 0.0;
    while (i < na && j < nb) {
        const std::size_t x = ia[i], y = ib[j];
        if (x < y) {
            ++i;
        } else if (y < x) {
            ++j;
        } else {
            acc += va[i] * vb[j];
            ++i;
            ++j;
        }
    }
    return acc;
}

// Short list against a much longer one: exponential search from the last position, then binary search.
double gallop_lists(const std::size_t *__restrict is, const double *__restrict vs, std::size_t ns,
                    const std::size_t *__restrict il, const double *__restrict vl, std::size_t nl) {
    double acc = 0.0;
    std::size_t lo = 0;
    for (std::size_t s = 0; s < ns && lo < nl; ++s) {
        const std::size_t want = is[s];
        std::size_t hi = lo, step = 1;
        while (hi < nl && il[hi] < want) {
            lo = hi + 1;
            hi += step;
            step *= 2;
        }
        if (hi > nl) hi = nl;
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (il[mid] < want) lo = mid + 1;
            else hi = mid;
        }
        if (lo < nl && il[lo] == want) acc += vs[s] * vl[lo];
    }
    return acc;
}

double dot_pair(const std::size_t *vp, const std::size_t *vi, const double *vv, std::size_t a, std::size_t b) {
    const std::size_t a0 = vp[a], na = vp[a + 1] - a0, b0 = vp[b], nb = vp[b + 1] - b0;
    if (na == 0 || nb == 0) return 0.0;
    if (na > 32 * nb) return gallop_lists(vi + b0, vv + b0, nb, vi + a0, vv + a0, na);
    if (nb > 32 * na) return gallop_lists(vi + a0, vv + a0, na, vi + b0, vv + b0, nb);
    return merge_lists(vi + a0, vv + a0, na, vi + b0, vv + b0, nb);
}

}  // namespace

void sparse_dot(size_t npairs, const std::vector<size_t> &pair_a, const std::vector<size_t> &pair_b,
                const std::vector<size_t> &vec_ptr, const std::vector<size_t> &vec_idx,
                const std::vector<double> &vec_val, std::vector<double> &out) {
    const std::size_t *vp = vec_ptr.data(), *vi = vec_idx.data(), *pa = pair_a.data(), *pb = pair_b.data();
    const double *vv = vec_val.data();
    double *o = out.data();
    if (npairs <= 2000) {
        for (std::size_t q = 0; q < npairs; ++q) o[q] = dot_pair(vp, vi, vv, pa[q], pb[q]);
        return;
    }
    // Costs per pair vary widely: dynamic chunks of 256 pairs.
    Kokkos::parallel_for(
        "sparse_dot",
        Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace, Kokkos::Schedule<Kokkos::Dynamic>>(0, npairs)
            .set_chunk_size(256),
        KOKKOS_LAMBDA(const std::size_t q) { o[q] = dot_pair(vp, vi, vv, pa[q], pb[q]); });
}
