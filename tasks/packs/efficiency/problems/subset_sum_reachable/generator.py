import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ([], 0)
    if lid == 0 and cid == 1:
        x = random.randint(1, 9)
        return ([x, x], 2 * x + 1)
    # `size` items between about 2 size and 40 size; t far above any single item
    low, high = 2 * size, 40 * size
    kind = cid % 3
    if kind == 0:
        # every item even, t odd: never reachable, so every item has to be processed
        nums = [2 * random.randint(low // 2, high // 2) for _ in range(size)]
        t = sum(nums) // 2 | 1
    elif kind == 1:
        # t just below the total, by less than the smallest item: never reachable
        nums = [random.randint(low, high) for _ in range(size)]
        t = sum(nums) - random.randint(1, min(nums) - 1)
    else:
        # about half of the total: reachable or not, usually reachable
        nums = [random.randint(1, high) for _ in range(size)]
        t = random.randint(sum(nums) // 3, sum(nums) // 2)
    return (nums, t)
