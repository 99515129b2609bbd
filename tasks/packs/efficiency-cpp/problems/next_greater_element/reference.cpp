#include <cstdint>
#include <vector>

// one left-to-right sweep with a stack of indices still waiting (their values never rise from bottom to top):
// a[i] answers every waiting index with a smaller value, each index is pushed and popped once
std::vector<std::int64_t> next_greater_element(const std::vector<std::int64_t>& a) {
    const std::size_t n = a.size();
    std::vector<std::int64_t> result(n, -1);
    std::vector<std::uint32_t> waiting(n + 1);
    std::size_t top = 0;  // waiting[0 .. top) is the stack
    for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t x = a[i];
        while (top > 0 && a[waiting[top - 1]] < x) result[waiting[--top]] = static_cast<std::int64_t>(i);
        waiting[top++] = static_cast<std::uint32_t>(i);
    }
    return result;
}
