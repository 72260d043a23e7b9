-- io.write and file:write of numbers: integers (written without printf) must
-- match "%d" for every magnitude and sign, floats keep "%.14g".
io.write(0, " ", -0, " ", 1, " ", -1, " ", 9, " ", 10, " ", -10, " ", 99, " ", 100, " ",
  123456789, " ", -987654321012, " ", math.maxinteger, " ", math.mininteger, " ",
  math.mininteger + 1, " ", 2^53, " ", -0.0, " ", 1e100, " ", 0.1, " ", 3 // 1, "\n")
for e = 0, 18 do io.write(10 ^ e // 1 | 0, " ", -(10 ^ e // 1 | 0) + 1, " ") end
io.write("\n")
local f = io.tmpfile()
f:write(42, -7, math.mininteger, 3.5, "x")
f:seek("set")
print(f:read("a"))
f:close()
print(io.write(1) == io.stdout)
