-- string.len/sub/upper/lower/rep/reverse/byte/char with edge indices.
local s = "Hello, World"
print(#s, s:len(), s:upper(), s:lower(), s:reverse())
print(s:sub(1, 5), s:sub(-5), s:sub(-5, -2), s:sub(8), s:sub(0), s:sub(100), s:sub(5, 2))
print(s:sub(-100, 2), s:sub(3, -100), s:sub(math.mininteger, math.maxinteger))
print(("ab"):rep(3), ("ab"):rep(3, "-"), ("x"):rep(0), ("x"):rep(-1), ("x"):rep(1, "sep"))
print(s:byte(), s:byte(1, 3), s:byte(-1), s:byte(100))
print(string.char(72, 105), string.char(), #string.char(0, 255))
print(("\0\1\2"):byte(1, -1))
print(string.len("\0\0"), ("abc"):upper():lower())
print(select("#", ("abc"):byte(1, 0)), select("#", ("abc"):byte(1, 10)))
