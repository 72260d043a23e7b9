-- math.max/min: numbers, strings, __lt objects (continuation path), errors.
local mt = {__lt = function(a, b) return a.v < b.v end}
local function o(v) return setmetatable({v = v}, mt) end
print(math.max(3, 1, 2).."", math.min(3, 1, 2), math.max(1.5, 2), math.min(-0.0, 0), math.max("a", "c", "b"))
print(math.max(o(1), o(5), o(3)).v, math.min(o(4), o(2), o(9)).v, math.max(1, 2, 3, 4, 5, 6, 7, 8, 9))
print(pcall(math.max, 1, "x"), pcall(math.min), pcall(math.max, {}, {}))
print(math.max(1, 2^53, 3), math.type(math.max(1, 2.0)), math.type(math.max(2.0, 1)), math.min(1, 0/0 ~= 0/0 and 1))
print(math.max(2, 0/0), math.max(0/0, 2))
