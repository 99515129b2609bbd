import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ([], [0, 5, -3])  # P = 0
    if lid == 0 and cid == 1:
        return ([7, -1], [])  # no points
    if lid == 0 and cid == 2:
        return ([-5, 0, 1], [0, 10**9 + 7, -(10**9 + 8), 10**17])  # multiples of p and huge points
    # degree about size, `size` points; coefficients and points of either sign, up to 10**12 (10**6 in every
    # third case)
    bound = 10**6 if cid % 3 == 2 else 10**12
    coeffs = [random.randint(-bound, bound) for _ in range(size + 1)]
    points = [random.randint(-bound, bound) for _ in range(size)]
    return (coeffs, points)
