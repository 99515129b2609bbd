// Deliberately wrong kth_smallest: treats k as 0-based (returns the (k+1)-th smallest), clamped at
// the maximum.
#include <algorithm>
#include <cstddef>
#include <vector>

double kth_smallest(const std::vector<double> &x, size_t k) {
    std::vector<double> tmp(x);
    const size_t at = k < tmp.size() ? k : tmp.size() - 1;
    std::nth_element(tmp.begin(), tmp.begin() + at, tmp.end());
    return tmp[at];
}
