#include <cstdint>
#include <vector>

std::int64_t inversion_count(const std::vector<std::int64_t>& a) {
    std::int64_t count = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        for (std::size_t j = i + 1; j < a.size(); ++j) count += a[i] > a[j];
    return count;
}
