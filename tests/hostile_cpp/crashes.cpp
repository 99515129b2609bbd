// Dereferences a null pointer.
#include <cstdint>
#include <vector>

std::int64_t inversion_count(const std::vector<std::int64_t>& a) {
    volatile std::int64_t* nowhere = nullptr;
    return *nowhere + static_cast<std::int64_t>(a.size());
}
