// Sequential baseline of sparse_dot: for every pair, a two-pointer merge of the two sorted index lists
// that multiplies the values at every common index.
#include <cstddef>
#include <vector>

void sparse_dot(size_t npairs, const std::vector<size_t> &pair_a, const std::vector<size_t> &pair_b,
                const std::vector<size_t> &vec_ptr, const std::vector<size_t> &vec_idx,
                const std::vector<double> &vec_val, std::vector<double> &out) {
    for (size_t p = 0; p < npairs; ++p) {
        size_t i = vec_ptr[pair_a[p]], j = vec_ptr[pair_b[p]];
        const size_t i_end = vec_ptr[pair_a[p] + 1], j_end = vec_ptr[pair_b[p] + 1];
        double sum = 0.0;
        while (i < i_end && j < j_end) {
            if (vec_idx[i] < vec_idx[j]) {
                ++i;
            } else if (vec_idx[i] > vec_idx[j]) {
                ++j;
            } else {
                sum += vec_val[i] * vec_val[j];
                ++i;
                ++j;
            }
        }
        out[p] = sum;
    }
}
