// Counts in a thread, which the instruction timer would not see once the thread's process was killed (and with
// the wall timer the job has one core anyway). Under --timer instructions a thread cannot start.
#include <cstdint>
#include <thread>
#include <vector>

std::int64_t inversion_count(const std::vector<std::int64_t>& a) {
    std::int64_t count = 0;
    std::thread worker([&] {
        for (std::size_t i = 0; i < a.size(); ++i)
            for (std::size_t j = i + 1; j < a.size(); ++j) count += a[i] > a[j];
    });
    worker.join();
    return count;
}
