// Deliberately wrong sparse_dot: the merge stops as soon as either list is down to its last entry,
// so a common index at the end of a list is missed.
#include <cstddef>
#include <vector>

void sparse_dot(size_t npairs, const std::vector<size_t> &pair_a, const std::vector<size_t> &pair_b,
                const std::vector<size_t> &vec_ptr, const std::vector<size_t> &vec_idx,
                const std::vector<double> &vec_val, std::vector<double> &out) {
    for (size_t p = 0; p < npairs; ++p) {
        size_t i = vec_ptr[pair_a[p]], j = vec_ptr[pair_b[p]];
        double sum = 0.0;
        while (i + 1 < vec_ptr[pair_a[p] + 1] && j + 1 < vec_ptr[pair_b[p] + 1]) {
            if (vec_idx[i] < vec_idx[j]) ++i;
            else if (vec_idx[i] > vec_idx[j]) ++j;
            else sum += vec_val[i++] * vec_val[j++];
        }
        out[p] = sum;
    }
}
