#include <stdio.h>

#define PEOPLE 13
#define STEP 4

int main(void) {
    int next[PEOPLE + 1];
    for (int i = 1; i <= PEOPLE; i++)
        next[i] = i == PEOPLE ? 1 : i + 1;

    int prev = PEOPLE; /* the one before person 1 */
    int left = PEOPLE;
    printf("out:");
    while (left > 1) {
        for (int s = 1; s < STEP; s++)
            prev = next[prev];
        int gone = next[prev];
        next[prev] = next[gone];
        left--;
        printf(" %d", gone);
    }
    printf("\nsurvivor: %d\n", next[prev]);
    return 0;
}
