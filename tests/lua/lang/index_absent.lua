-- Reads of absent keys: plain tables, metatables without __index, __index
-- chains ending in tables without the key, __index = false, deep chains.
local t = {1, 2, 3, x = 1}
print(t[4], t[0], t[-1], t.y, t[1.5], t["x"], t[true])
local o = setmetatable({}, {})
print(o.a, o[1], o[2.5])
local A = {f = "A.f"}; A.__index = A
local B = setmetatable({g = "B.g"}, A); B.__index = B
local C = setmetatable({}, B); C.__index = C
local D = setmetatable({}, C); D.__index = D
local E = setmetatable({}, D); E.__index = E
local obj = setmetatable({}, E)
print(obj.f, obj.g, obj.h, obj[1])
local mt = {__index = false}
local p = setmetatable({}, mt)
print(pcall(function() return p.x end))
mt.__index = function(_, k) return "fn:" .. tostring(k) end
print(p.x, p[7])
mt.__index = nil
print(p.x)
local counts = {}
for _, w in ipairs({"a", "b", "a", "c", "a"}) do counts[w] = (counts[w] or 0) + 1 end
print(counts.a, counts.b, counts.c, counts.d)
local s = setmetatable({}, {__index = string})
print(s.upper("x"), s.nothing)
