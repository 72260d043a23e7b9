-- Float -> integer conversion where an integer is required.
print(math.tointeger(3.0), math.tointeger(3.5), math.tointeger(-0.0), math.tointeger(2^63))
print(math.tointeger(-2^63), math.tointeger("x"), math.tointeger(1e100))
print(("abcdef"):sub(2.0, 4.0), string.rep("x", 3.0))
print(pcall(string.rep, "x", 2.5))
print(pcall(string.sub, "abc", 1.5))
local t = {}
t[1.0] = "one"; t[2] = "two"; t[2^53] = "big"
print(t[1], t[2.0], t[2^53 | 0], #t)
for k, v in pairs({[3.0] = true}) do print(k, math.type(k), v) end
print(3 | 0, 3.0 | 0, math.type(3.0 | 0))
print(math.floor(3.7), math.ceil(3.2), math.floor(-3.5), math.type(math.floor(1.5)))
print(math.floor(2^70) == 2^70, math.type(math.floor(2^70)))
print(string.format("%d", 3.0), pcall(string.format, "%d", 3.1))
