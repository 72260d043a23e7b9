-- Integer arithmetic: + - * // % ^ / and unary minus, with sign rules.
print(1 + 2, 7 - 10, 6 * 7, -(-5))
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(0 % 5, 5 % 5, 6 % 1)
print(7 / 2, 8 / 2, -1 / 2)
print(2 ^ 10, 2 ^ 0.5 > 1.41, 10 ^ -1)
print(math.type(7 // 2), math.type(7 / 1), math.type(2 ^ 2))
print(3 * -4 // 5, (3 * -4) % 5)
local a, b = 17, 5
print(a // b * b + a % b == a)
a, b = -17, 5
print(a // b * b + a % b == a)
a, b = 17, -5
print(a // b * b + a % b == a)
print(100000 * 100000, 1 << 40)
print(123456789 * 1000)
