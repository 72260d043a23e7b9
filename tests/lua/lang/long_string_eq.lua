-- == and ~= between long strings (over 40 bytes: not interned) compare contents: distinct objects with equal bytes, a last byte apart, different lengths, embedded zeros, long against short, and as table keys
local a = string.rep("x", 60)
local b = string.rep("x", 59) .. "x"
local c = string.rep("x", 59) .. "y"
local d = string.rep("x", 61)
local z1 = string.rep("\0", 50) .. "end"
local z2 = string.rep("\0", 50) .. "end"
print(a == b, a ~= b, a == c, a ~= c, a == d, d == a)
print(z1 == z2, z1 == string.rep("\0", 50) .. "enD")
print(a == "x", "x" == a, a == 60, a == nil)
local n = 0
for i = 1, 1000 do
  local s = string.rep("ab", 30) .. (i % 3)
  if s == string.rep("ab", 30) .. "1" then n = n + 1 end
end
print("matches", n)
local t = {[a] = "found"}
print(t[b], t[c])
local mt = {__eq = function() return true end}
print(setmetatable({}, mt) == setmetatable({}, mt), a == setmetatable({}, mt))
