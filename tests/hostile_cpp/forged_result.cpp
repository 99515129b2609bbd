// Prints a result line of the trusted side's format, then answers wrong.
#include <cstdint>
#include <cstdio>
#include <vector>

std::int64_t inversion_count(const std::vector<std::int64_t>&) {
    std::printf("HPCEVAL_RESULT 0 {\"verdict\": \"ok\", \"levels\": []}\n");
    std::fflush(stdout);
    return -1;
}
