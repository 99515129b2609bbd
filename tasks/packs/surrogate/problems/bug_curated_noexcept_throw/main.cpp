#include <cstdio>
#include <stdexcept>
#include <vector>

static int checked(const std::vector<int> &v, std::size_t i) {
    if (i >= v.size())
        throw std::out_of_range("index past the end");
    return v[i];
}

struct Summary {
    std::vector<int> data;
    int sum_of_every(std::size_t stride) const noexcept {
        int total = 0;
        for (std::size_t i = 0; i <= data.size(); i += stride)
            total += checked(data, i);
        return total;
    }
};

int main() {
    Summary s{ {1, 2, 3, 4, 5, 6} };
    try {
        std::printf("%d\n", s.sum_of_every(4));
        std::printf("%d\n", s.sum_of_every(3));
    } catch (...) {
        std::puts("recovered");
        return 3;
    }
    return 0;
}
