// Never returns.
#include <cstdint>
#include <vector>

std::int64_t inversion_count(const std::vector<std::int64_t>& a) {
    volatile std::int64_t spin = 0;
    while (spin >= 0) spin = spin + 1 - 1;
    return static_cast<std::int64_t>(a.size());
}
