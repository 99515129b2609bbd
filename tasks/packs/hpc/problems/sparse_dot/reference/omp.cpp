// OpenMP reference of sparse_dot: the pairs are independent and their costs vary widely (empty, short,
// long, skewed), so they are handed out dynamically in chunks of 256 pairs. Per pair: a two-pointer
// merge, or galloping search of the short list in the long one when one list is over 32 times longer.
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

}  // namespace

void sparse_dot(size_t npairs, const std::vector<size_t> &pair_a, const std::vector<size_t> &pair_b,
                const std::vector<size_t> &vec_ptr, const std::vector<size_t> &vec_idx,
                const std::vector<double> &vec_val, std::vector<double> &out) {
    const std::size_t *vp = vec_ptr.data(), *vi = vec_idx.data(), *pa = pair_a.data(), *pb = pair_b.data();
    const double *vv = vec_val.data();
    double *o = out.data();
    const std::ptrdiff_t n = static_cast<std::ptrdiff_t>(npairs);
#pragma omp parallel for schedule(dynamic, 256) if (npairs > 2000)
    for (std::ptrdiff_t p = 0; p < n; ++p) o[p] = pair_dot(vp, vi, vv, pa[p], pb[p]);
}
