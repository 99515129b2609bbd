// Throws out of the call.
#include <cstdint>
#include <stdexcept>
#include <vector>

std::int64_t inversion_count(const std::vector<std::int64_t>&) { throw std::logic_error("hostile: gave up"); }
