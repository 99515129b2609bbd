// Sequential baseline of collatz_steps: iterate the Collatz map on each value until it reaches 1,
// counting the steps.
#include <cstddef>
#include <cstdint>
#include <vector>

void collatz_steps(const std::vector<uint64_t> &values, std::vector<int> &steps) {
    for (size_t i = 0; i < values.size(); ++i) {
        uint64_t v = values[i];
        int count = 0;
        while (v != 1) {
            if (v % 2 == 0) v = v / 2;
            else v = 3 * v + 1;
            ++count;
        }
        steps[i] = count;
    }
}
