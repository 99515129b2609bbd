// Deliberately wrong stream_compaction: also keeps the elements equal to the threshold.
#include <cstddef>
#include <vector>

size_t stream_compaction(const std::vector<double> &x, double threshold, std::vector<double> &out) {
    size_t count = 0;
    for (size_t i = 0; i < x.size(); ++i)
        if (x[i] >= threshold) out[count++] = x[i];
    return count;
}
