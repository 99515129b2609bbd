def settle(r, x=0.5, steps=1000):
    for _ in range(steps):
        x = r * x * (1.0 - x)
    return x


for r in (2.8, 3.2):
    a = settle(r)
    b = r * a * (1.0 - a)
    low, high = sorted((a, b))
    print(f"r={r}: {low:.6f} {high:.6f}")
