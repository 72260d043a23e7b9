-- s:byte() and s:byte(i), which the executor computes itself: every position from -len-2 to len+2, empty strings, embedded zeros and high bytes, float and string indices, numbers as subjects, more results and ranges (the library path), a replaced string.byte
local s = "A\0\255z"
for i = -6, 6 do local v = s:byte(i); io.write(tostring(v), " ") end
print()
print(("abc"):byte(), (""):byte(), (""):byte(1), (""):byte(-1), ("x"):byte(0))
print(("abc"):byte(2.0), pcall(string.byte, "abc", 1.5))
print(("abc"):byte("2"), string.byte(123, 2), select('#', ("abc"):byte(5)))
print(("abc"):byte(1, 3), ("abc"):byte(-2, -1), select('#', ("abc"):byte(3, 1)))
print(("abc"):byte(math.mininteger), ("abc"):byte(math.maxinteger))
local t = {("hello"):byte(1), ("hello"):byte(-1)}
print(t[1], t[2], #t)
local sum = 0
local text = string.rep("piccolo", 100)
for i = 1, #text do sum = sum + text:byte(i) end
print("sum", sum)
local orig = string.byte
string.byte = function(str, i) return "replaced " .. tostring(i) end
print(("abc"):byte(1))
string.byte = orig
print(("abc"):byte(1))
print(pcall(string.byte), pcall(string.byte, {}))
