// Sequential baseline of kth_smallest: copy x and let std::nth_element put the k-th smallest
// (1-based) in place.
#include <algorithm>
#include <cstddef>
#include <vector>

double kth_smallest(const std::vector<double> &x, size_t k) {
    std::vector<double> tmp(x.begin(), x.end());
    std::nth_element(tmp.begin(), tmp.begin() + (k - 1), tmp.end());
    return tmp[k - 1];
}
