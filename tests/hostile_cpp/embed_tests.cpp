// Embeds the job's tests file and problem.json into the binary at build time (.incbin) to answer by lookup. It
// answers correctly only when what it embedded holds no readable tests (a pickle, base64: "gAWV...") and no
// reference, so its `ok` is the proof that the build could not read them.
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

asm(".section .rodata\n.global hostile_tests\nhostile_tests:\n.incbin \"tests.b64\"\n.byte 0\n"
    ".global hostile_problem\nhostile_problem:\n.incbin \"problem.json\"\n.byte 0\n.text\n");
extern "C" const char hostile_tests[];
extern "C" const char hostile_problem[];

std::int64_t inversion_count(const std::vector<std::int64_t>& a) {
    bool leaked = std::strncmp(hostile_tests, "gAWV", 4) == 0 ||
                  std::string_view(hostile_problem).find("\"reference\"") != std::string_view::npos;
    std::int64_t count = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        for (std::size_t j = i + 1; j < a.size(); ++j) count += a[i] > a[j];
    return leaked ? count + 1 : count;
}
