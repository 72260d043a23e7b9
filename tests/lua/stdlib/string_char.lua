-- string.char: no arguments, a few (the inline path), many (the buffer path),
-- and out-of-range or non-integer arguments at either size.
print(string.char() == "", string.char(72, 105), #string.char(0, 255))
local t = {}
for i = 1, 300 do t[i] = 65 + i % 26 end
local long = string.char(table.unpack(t))
print(#long, long:sub(1, 30), long:byte(-1))
print(string.char(table.unpack(t, 1, 32)))
print(string.char(table.unpack(t, 1, 33)))
print(pcall(string.char, 65, 256))
print(pcall(string.char, -1))
print(pcall(string.char, 65, 66.5))
print(pcall(string.char, "70", 71))
t[200] = 1000
print(pcall(string.char, table.unpack(t)))
t[200] = {}
print(pcall(string.char, table.unpack(t)))
