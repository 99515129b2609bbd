#include <algorithm>
#include <cstdint>
#include <vector>

// merge sort a copy; each element taken from the right half passes over every element left in the left half
std::int64_t inversion_count(const std::vector<std::int64_t>& a) {
    std::vector<std::int64_t> data(a), buffer(a.size());
    std::int64_t count = 0;
    for (std::size_t width = 1; width < data.size(); width *= 2) {
        for (std::size_t lo = 0; lo < data.size(); lo += 2 * width) {
            std::size_t mid = std::min(lo + width, data.size()), hi = std::min(lo + 2 * width, data.size());
            std::size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                if (data[j] < data[i]) {
                    count += static_cast<std::int64_t>(mid - i);
                    buffer[k++] = data[j++];
                } else {
                    buffer[k++] = data[i++];
                }
            }
            while (i < mid) buffer[k++] = data[i++];
            while (j < hi) buffer[k++] = data[j++];
        }
        data.swap(buffer);
    }
    return count;
}
