#include <stdio.h>

static int table[4] = { 3, 1, 4, 1 };

__attribute__((noinline)) static int in_table(int v) {
    for (int i = 0; i <= 4; i++)
        if (table[i] == v)
            return 1;
    return 0;
}

int main(void) {
    const int probes[] = { 4, 9, 1, -2 };
    for (int p = 0; p < 4; p++)
        printf("%d: %s\n", probes[p], in_table(probes[p]) ? "found" : "missing");
    return 0;
}
