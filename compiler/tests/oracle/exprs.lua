-- Expressions: folding edge cases, immediates, constants, evaluation order.
local a, b, z = 7, 2, 0
print(1 + 2 * 3, 7 // 2, -7 // 2, 7 % -3, -7 % 3, 2 ^ 10, 1 / 2, 3 | 5 ~ 1)
print(9223372036854775807 + 1, -9223372036854775807 - 2, 1 << 63, 1 << 64, -1 >> 63)
print(math.type(2^53), 2.0 | 1, 5.5 % -2, -0.0, 0.0 * -1, 1e308 * 10, -(0/0) ~= -(0/0))
print(pcall(function() return 1 // z end))
print(pcall(function() return 1 % z end))
print(pcall(function() return 1.5 & 1 end))
print(1 // 0.0, -1 // 0.0, 1 % math.huge, -1 % math.huge)
print(a + 1, a - 1, a - -5, a + 300, a * 1.5, a << 1, a >> 1, a << -1, 1 << a, a >> 70, a << 63)
print(a == 7, a == 7.0, 7 == a, a ~= 8, a < 8, 8 > a, a <= 7.0, a >= 300, -127 < a, a < -128)
print(a == "7", a == nil, a ~= false, "x" == "x", 1.5 == 1.5, a > 1.5, 1.5 < a)
print(a .. b, a .. "x" .. b .. 1.5, #"abc", -a, ~a, not a, not nil)
print(a and b, nil and a, false or a, nil or false, a and nil or "d", (a > b) and "gt" or "le")
local K <const> = 10
local S <const> = "s"
local F <const> = 2.5
print(K * K + 1, S .. K, F * 2, K // 3, -K, K == 10)
local t = {}
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])
local x, y, w = 1, 2
x, y = y, x
print(x, y, w)
local u = {}
u.a, u.b, u.c = (function() return 1, 2, 3 end)()
print(u.a, u.b, u.c)
local s = "\65\x42\u{43}\z
           D\'\"\\\n"
print(s, #s, "\u{7FF}" == "\xdf\xbf", [==[
long]]string]==])
print(0x10, 0xffffffffffffffff, 0x7fffffffffffffff + 0, 9223372036854775808, 0x1p4, 0x.8, 1e2, .5)
print(string.format("%.17g", 0.1 + 0.2), 100 // 1e0, 3 % -math.huge)
print(2^63 == math.mininteger, math.maxinteger + 0.0 == 2^63, -0.0 == 0.0)
