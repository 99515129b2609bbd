def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket


first = append_to(1)
second = append_to(2)
print(first, second, first is second)

late = [lambda: i * 10 for i in range(3)]
early = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in late], [f() for f in early])

grid = [[0] * 2] * 3
grid[0][1] = 7
print(grid)

t = (1, 2)
alias_t = t
t += (3,)
xs = [1, 2]
alias_xs = xs
xs += [3]
print(alias_t, alias_xs)

print(round(2.5), round(3.5), round(-0.5), -7 // 2, -7 % 2)
