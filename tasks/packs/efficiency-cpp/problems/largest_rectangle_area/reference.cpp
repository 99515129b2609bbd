#include <cstdint>
#include <memory>
#include <vector>

// One sweep with a stack of bars whose heights rise strictly from bottom to top. A bar is popped when a bar no
// higher arrives (its rectangle ends just before that bar), and the entry below it on the stack marks where its
// rectangle starts, so every bar is pushed and popped once (O(n)). The stack keeps each bar's height beside its
// start so a pop needs no dependent load from the input.
std::int64_t largest_rectangle_area(const std::vector<std::int64_t>& heights) {
    const std::int64_t n = static_cast<std::int64_t>(heights.size());
    const std::int64_t* h = heights.data();
    // entry k: a bar's height and the first index of the run of bars at least that high that ends at it; entry 0 is
    // a sentinel of height -1 (below every bar, never popped). Left uninitialised: only the pages the stack reaches
    // are ever touched.
    const auto stack_height = std::make_unique_for_overwrite<std::int64_t[]>(static_cast<std::size_t>(n) + 1);
    const auto stack_start = std::make_unique_for_overwrite<std::int64_t[]>(static_cast<std::size_t>(n) + 1);
    std::int64_t* sh = stack_height.get();
    std::int64_t* ss = stack_start.get();
    std::int64_t top = 0;
    sh[0] = -1;
    ss[0] = 0;
    std::int64_t best = 0;
    for (std::int64_t i = 0; i < n; ++i) {
        const std::int64_t x = h[i];
        std::int64_t start = i;
        // every popped bar spans from its start up to i - 1; the new bar's rectangle starts where the last one did
        // (an equal bar is popped too: the new bar then spans its run as well)
        while (sh[top] >= x) {
            const std::int64_t area = sh[top] * (i - ss[top]);
            if (area > best) best = area;
            start = ss[top];
            --top;
        }
        ++top;
        sh[top] = x;
        ss[top] = start;
    }
    for (; top > 0; --top) {
        const std::int64_t area = sh[top] * (n - ss[top]);
        if (area > best) best = area;
    }
    return best;
}
