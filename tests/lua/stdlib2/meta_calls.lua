-- library functions calling Lua metamethods (__lt in min/max, __eq in table.move)
local mt = {__lt = function(a, b) return a.v < b.v end}
local function o(v) return setmetatable({v = v}, mt) end
print(math.max(o(1), o(5), o(3)).v, math.min(o(4), o(2), o(9)).v, math.max(3, 7, 5), math.min(2.5, 1, 3))
print(pcall(math.max, 1, {}), pcall(math.min, "a", "b"))
print(math.max(1), math.min(-0.0, 0), math.max(0, -0.0))
local mt = {__eq = function(a, b) print("eq called") return true end}
local a = setmetatable({1, 2, 3, 4, 5}, mt)
local b = setmetatable({}, mt)
table.move(a, 1, 3, 2, b) print(b[1], b[2], b[3], b[4])
local c = setmetatable({10, 20, 30}, {__eq = function() return false end})
table.move(a, 1, 3, 2, c) print(c[1], c[2], c[3], c[4])
local d = {1, 2, 3, 4} table.move(d, 1, 3, 2) print(table.concat(d, ","))
print(table.move({1, 2, 3}, 1, 3, 3, {})[5])
