// Sequential baseline of stream_compaction: one pass, appending each kept element.
#include <cstddef>
#include <vector>

size_t stream_compaction(const std::vector<double> &x, double threshold, std::vector<double> &out) {
    const size_t n = x.size();
    size_t count = 0;
    for (size_t i = 0; i < n; ++i) {
        if (x[i] > threshold) out[count++] = x[i];
    }
    return count;
}
