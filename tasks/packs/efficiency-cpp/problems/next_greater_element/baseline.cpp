#include <cstdint>
#include <vector>

std::vector<std::int64_t> next_greater_element(const std::vector<std::int64_t>& a) {
    const std::size_t n = a.size();
    std::vector<std::int64_t> result(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t j = i + 1;
        while (j < n && a[j] <= a[i]) ++j;
        if (j < n) result[i] = static_cast<std::int64_t>(j);
    }
    return result;
}
