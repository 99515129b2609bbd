#include <cstdint>
#include <vector>

// monotonic deque in a ring buffer of k slots: indices whose values fall from front to back, so the front is the max
std::vector<std::int64_t> sliding_window_maximum(const std::vector<std::int64_t>& a, std::int64_t k) {
    const std::size_t n = a.size(), width = static_cast<std::size_t>(k);
    std::vector<std::int64_t> result(n - width + 1);
    // at most `width` indices are alive at once; head and tail count up forever and are reduced modulo a power of 2
    std::size_t cap = 1;
    while (cap < width + 1) cap <<= 1;
    const std::size_t mask = cap - 1;
    std::vector<std::size_t> ring(cap);
    std::size_t head = 0, tail = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t x = a[i];
        while (tail != head && a[ring[(tail - 1) & mask]] <= x) --tail;
        ring[tail++ & mask] = i;
        if (ring[head & mask] + width <= i) ++head;
        if (i + 1 >= width) result[i + 1 - width] = a[ring[head & mask]];
    }
    return result;
}
