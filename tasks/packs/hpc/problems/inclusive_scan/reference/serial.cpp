// Serial reference of inclusive_scan: one streaming pass with a running sum held in a register,
// restrict pointers (no reload of the sum through memory) and the loop unrolled by four. The scan
// is memory-bound: one read and one write per element is the floor.
#include <cstddef>
#include <cstdint>
#include <vector>

void inclusive_scan(const std::vector<int64_t> &x, std::vector<int64_t> &y) {
    const std::size_t n = x.size();
    const int64_t *__restrict xp = x.data();
    int64_t *__restrict yp = y.data();
    int64_t s = 0;
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        const int64_t a = xp[i], b = a + xp[i + 1], c = b + xp[i + 2], d = c + xp[i + 3];
        yp[i] = s + a;
        yp[i + 1] = s + b;
        yp[i + 2] = s + c;
        yp[i + 3] = s + d;
        s += d;
    }
    for (; i < n; ++i) {
        s += xp[i];
        yp[i] = s;
    }
}
