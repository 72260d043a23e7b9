-- Concatenation and length operators on strings, numbers and tables.
print("a" .. "b" .. "c", 1 .. "", 1.0 .. "", -1 .. "x")
local parts = {}
for i = 1, 10 do parts[#parts + 1] = i end
print(table.concat(parts, ","), #table.concat(parts))
local s = ""
for i = 1, 100 do s = s .. "x" end
print(#s, #"", #"\0\0")
print(#{1, 2, 3}, #{[1] = 1, [2] = 2})
local long = string.rep("ab", 1000)
print(#(long .. long), (long .. "!"):sub(-3))
print(2 .. 3 + 1)
