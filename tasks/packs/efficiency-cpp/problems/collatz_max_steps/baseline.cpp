#include <cstdint>
#include <utility>

// follow every start's sequence all the way down to 1
std::pair<std::int64_t, std::int64_t> collatz_max_steps(std::int64_t lo, std::int64_t hi) {
    std::int64_t best_start = lo, best_steps = -1;
    for (std::int64_t s = lo; s <= hi; ++s) {
        std::int64_t x = s, steps = 0;
        while (x != 1) {
            x = x % 2 == 0 ? x / 2 : 3 * x + 1;
            ++steps;
        }
        if (steps > best_steps) {
            best_steps = steps;
            best_start = s;
        }
    }
    return {best_start, best_steps};
}
