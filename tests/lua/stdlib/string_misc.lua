-- Strings as values: interning-independent equality, long strings, table keys.
local a = "abc" .. "def"
local b = "abcdef"
print(a == b, rawequal(a, b))
local t = {[a] = 1}
print(t[b], t["abc" .. "def"])
local long1 = string.rep("x", 100) .. "y"
local long2 = string.rep("x", 100) .. "y"
print(long1 == long2, #long1)
t[long1] = "long"
print(t[long2])
local parts = {}
for i = 1, 50 do parts[i] = string.char(65 + i % 26) end
local s = table.concat(parts)
print(s, #s, s:sub(10, 15))
print(("x"):rep(10000):len(), string.rep("ab", 3, ""))
print(tostring(12):len(), ("%s"):rep(2, "-"):format(1, 2))
