-- Multiple assignment: evaluation before assignment, swap, adjustment.
local a, b, c = 1, 2
print(a, b, c)
a, b = b, a
print(a, b)
local x, y = 1, 2, 3
print(x, y)
local t = {}
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])
local u = {1, 2, 3}
local k = 1
k, u[k], u[k + 1] = 3, "a", "b"
print(k, u[1], u[2], u[3])
local function two() return 10, 20 end
local p, q, r = two()
print(p, q, r)
p, q, r = two(), 5
print(p, q, r)
p, q, r = 0, two()
print(p, q, r)
local g = {}
g.x, g.y = 1
print(g.x, g.y)
