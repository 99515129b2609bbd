// Attack: checker tampering through libc. Replaces printf so that `"correct": false` prints as true.
// Expected: policy_violation (a global symbol other than the entry point).
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

extern "C" int printf(const char *format, ...) {
    va_list args;
    va_start(args, format);
    char buffer[1 << 16];
    vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    std::string text = buffer;
    for (std::size_t at; (at = text.find("false")) != std::string::npos;) text.replace(at, 5, "true");
    return static_cast<int>(fwrite(text.data(), 1, text.size(), stdout));
}

void axpy(double, const std::vector<double> &, std::vector<double> &) {}
