// Defines the glue's export itself, to hand the trusted side whatever bytes it likes: the link refuses it.
#include <cstddef>
#include <cstdint>
#include <vector>

std::int64_t inversion_count(const std::vector<std::int64_t>&) { return 0; }

extern "C" int hpceval_call(const unsigned char*, std::size_t, unsigned char**, std::size_t*) { return 0; }
