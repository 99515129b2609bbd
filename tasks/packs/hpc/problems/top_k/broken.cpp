// Deliberately wrong top_k: duplicates are collapsed (the k largest distinct values).
#include <algorithm>
#include <cstddef>
#include <functional>
#include <set>
#include <vector>

void top_k(const std::vector<double> &x, size_t k, std::vector<double> &out) {
    std::set<double, std::greater<double>> best;
    for (double v : x) {
        best.insert(v);
        if (best.size() > k) best.erase(std::prev(best.end()));
    }
    size_t i = 0;
    for (double v : best) out[i++] = v;
    for (; i < k; ++i) out[i] = out[i - 1];
}
