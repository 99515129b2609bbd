// Serial reference of stream_compaction: branch-free compaction. Every element is stored at the
// current output position and the position advances only when the element is kept, so the
// unpredictable keep/drop decision costs no branch mispredictions (the stores land at index
// count <= i < n, inside out).
#include <cstddef>
#include <vector>

size_t stream_compaction(const std::vector<double> &x, double threshold, std::vector<double> &out) {
    const std::size_t n = x.size();
    const double *__restrict xp = x.data();
    double *__restrict op = out.data();
    std::size_t c = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double v = xp[i];
        op[c] = v;
        c += static_cast<std::size_t>(v > threshold);
    }
    return c;
}
