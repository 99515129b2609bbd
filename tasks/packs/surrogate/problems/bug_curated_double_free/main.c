#include <stdio.h>
#include <stdlib.h>

struct histogram {
    int bins;
    int *count;
};

static struct histogram make(int bins) {
    struct histogram h = { bins, calloc(bins, sizeof(int)) };
    return h;
}

static void release(struct histogram *h) {
    free(h->count);
    h->count = NULL;
}

int main(void) {
    const int samples[] = { 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5 };
    struct histogram h = make(10);
    for (int i = 0; i < 11; i++)
        h.count[samples[i]]++;

    struct histogram backup = h;   /* keep the counts before smoothing */
    for (int b = 1; b < h.bins; b++)
        h.count[b] += h.count[b - 1];

    printf("last bin: %d, backup last bin: %d\n", h.count[9], backup.count[9]);
    release(&h);
    release(&backup);
    return 0;
}
