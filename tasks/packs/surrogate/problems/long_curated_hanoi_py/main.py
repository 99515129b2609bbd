DISKS = 64


def move(t):
    """The t-th move (t >= 1) of the optimal solution that carries every disk from peg 0 to another peg."""
    disk = (t & -t).bit_length()
    source = (t & (t - 1)) % 3
    target = ((t | (t - 1)) + 1) % 3
    return disk, source, target


print(2 ** DISKS - 1)
for t in (10 ** 18, 2 ** 63, 2 ** 64 - 1):
    disk, source, target = move(t)
    print(disk, source, target)
