#include <stdio.h>
#include <string.h>

#define N (1 << 20)
static int data[N];

int main(int argc, char **argv) {
    unsigned x = 2024;
    for (int i = 0; i < N; i++) {
        x = x * 1103515245u + 12345u;
        data[i] = (x >> 16) % 256;
    }
    if (argc > 1 && strcmp(argv[1], "sorted") == 0) {
        /* counting sort: the same values, in ascending order */
        int counts[256] = {0};
        for (int i = 0; i < N; i++)
            counts[data[i]]++;
        for (int v = 0, k = 0; v < 256; v++)
            while (counts[v]--)
                data[k++] = v;
    }
    long sum = 0, count = 0;
    for (int rep = 0; rep < 40; rep++)
        for (int i = 0; i < N; i++) {
            if (data[i] >= 128) {
                sum += data[i] * 3;
                count++;
            } else {
                sum -= data[i] >> 2;
            }
        }
    printf("%ld %ld\n", sum, count);
    return 0;
}
