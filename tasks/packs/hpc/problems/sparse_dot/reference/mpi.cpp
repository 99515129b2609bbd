// MPI reference of sparse_dot: the pairs are split into one contiguous range per rank of about equal
// estimated cost (a prefix sum of per-pair costs from the two lengths, O(npairs), computed by every
// rank); per pair a two-pointer merge, or galloping search when one list is over 32 times longer.
// Rank 0 gathers the results with MPI_Gatherv.
#include <mpi.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace {

// Two-pointer merge. Runs of one list advancing against the other are common (similar vectors
// interleave, long ones run ahead), so the branches predict well; a branch-free variant is slower here
// because its pointer updates form one long dependency chain.
double merge_dot(const std::size_t *__restrict ai, const double *__restrict av, std::size_t la,
                 const std::size_t *__restrict bi, const double *__restrict bv, std::size_t lb) {
    std::size_t i = 0, j = 0;
    double sum = 0.0;
    while (i < la && j < lb) {
        const std::size_t x = ai[i], y = bi[j];
        if (x < y) {
            ++i;
        } else if (y < x) {
            ++j;
        } else {
            sum += av[i] * bv[j];
            ++i;
            ++j;
        }
    }
    return sum;
}

// For a short list against a much longer one: each index of the short list is found in the long list
// by exponential (galloping) search from the previous match position, O(ls log(ll / ls)).
double gallop_dot(const std::size_t *__restrict si, const double *__restrict sv, std::size_t ls,
                  const std::size_t *__restrict li, const double *__restrict lv, std::size_t ll) {
    double sum = 0.0;
    std::size_t lo = 0;
    for (std::size_t k = 0; k < ls && lo < ll; ++k) {
        const std::size_t key = si[k];
        // Find the first position >= key in li[lo, ll): gallop to bracket it, then binary search.
        std::size_t step = 1, hi = lo;
        while (hi < ll && li[hi] < key) {
            lo = hi + 1;
            hi += step;
            step <<= 1;
        }
        if (hi > ll) hi = ll;
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (li[mid] < key) lo = mid + 1;
            else hi = mid;
        }
        if (lo < ll && li[lo] == key) sum += sv[k] * lv[lo];
    }
    return sum;
}

// The dot product of vectors a and b: galloping when one list is over 32 times longer than the other.
double pair_dot(const std::size_t *vp, const std::size_t *vi, const double *vv, std::size_t a, std::size_t b) {
    const std::size_t a0 = vp[a], la = vp[a + 1] - a0, b0 = vp[b], lb = vp[b + 1] - b0;
    if (la == 0 || lb == 0) return 0.0;
    if (la > 32 * lb) return gallop_dot(vi + b0, vv + b0, lb, vi + a0, vv + a0, la);
    if (lb > 32 * la) return gallop_dot(vi + a0, vv + a0, la, vi + b0, vv + b0, lb);
    return merge_dot(vi + a0, vv + a0, la, vi + b0, vv + b0, lb);
}

// Estimated cost of a pair (the work of pair_dot plus a fixed part per pair).
double pair_cost(const std::size_t *vp, std::size_t a, std::size_t b) {
    const double la = static_cast<double>(vp[a + 1] - vp[a]), lb = static_cast<double>(vp[b + 1] - vp[b]);
    const double s = la < lb ? la : lb, l = la < lb ? lb : la;
    if (s == 0.0) return 4.0;
    return 4.0 + (l > 32.0 * s ? s * (4.0 + std::log2(l / s)) : la + lb);
}

// Splits pairs [0, npairs) into `parts` contiguous ranges of about equal estimated cost: bounds[r] is
// the first pair of part r (bounds[parts] = npairs).
std::vector<std::size_t> balanced_bounds(const std::size_t *vp, const std::size_t *pa, const std::size_t *pb,
                                         std::size_t npairs, std::size_t parts) {
    std::vector<double> prefix(npairs + 1, 0.0);
    for (std::size_t p = 0; p < npairs; ++p) prefix[p + 1] = prefix[p] + pair_cost(vp, pa[p], pb[p]);
    std::vector<std::size_t> bounds(parts + 1, npairs);
    bounds[0] = 0;
    for (std::size_t r = 1; r < parts; ++r) {
        const double target = prefix[npairs] * static_cast<double>(r) / static_cast<double>(parts);
        bounds[r] = static_cast<std::size_t>(std::lower_bound(prefix.begin(), prefix.end(), target) - prefix.begin());
        if (bounds[r] > npairs) bounds[r] = npairs;
        if (bounds[r] < bounds[r - 1]) bounds[r] = bounds[r - 1];
    }
    return bounds;
}

}  // namespace

void sparse_dot(size_t npairs, const std::vector<size_t> &pair_a, const std::vector<size_t> &pair_b,
                const std::vector<size_t> &vec_ptr, const std::vector<size_t> &vec_idx,
                const std::vector<double> &vec_val, std::vector<double> &out) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t *vp = vec_ptr.data(), *vi = vec_idx.data(), *pa = pair_a.data(), *pb = pair_b.data();
    const double *vv = vec_val.data();
    double *o = out.data();
    const std::vector<std::size_t> bounds = balanced_bounds(vp, pa, pb, npairs, static_cast<std::size_t>(size));
    const std::size_t p0 = bounds[static_cast<std::size_t>(rank)], p1 = bounds[static_cast<std::size_t>(rank) + 1];
    for (std::size_t p = p0; p < p1; ++p) o[p] = pair_dot(vp, vi, vv, pa[p], pb[p]);

    if (size == 1) return;
    std::vector<int> counts(size), displs(size);
    for (int r = 0; r < size; ++r) {
        counts[r] = static_cast<int>(bounds[static_cast<std::size_t>(r) + 1] - bounds[static_cast<std::size_t>(r)]);
        displs[r] = static_cast<int>(bounds[static_cast<std::size_t>(r)]);
    }
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, o, counts.data(), displs.data(), MPI_DOUBLE, 0, MPI_COMM_WORLD);
    else
        MPI_Gatherv(o + p0, counts[rank], MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0, MPI_COMM_WORLD);
}
