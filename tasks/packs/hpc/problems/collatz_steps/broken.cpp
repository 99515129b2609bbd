// Deliberately wrong collatz_steps: a do-while loop, so the value 1 takes the trip 1 -> 4 -> 2 -> 1
// (3 steps instead of 0).
#include <cstddef>
#include <cstdint>
#include <vector>

void collatz_steps(const std::vector<uint64_t> &values, std::vector<int> &steps) {
    for (size_t i = 0; i < values.size(); ++i) {
        uint64_t v = values[i];
        int count = 0;
        do {
            v = (v % 2 == 0) ? v / 2 : 3 * v + 1;
            ++count;
        } while (v != 1);
        steps[i] = count;
    }
}
