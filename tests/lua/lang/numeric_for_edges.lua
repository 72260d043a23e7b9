-- Numeric for: empty ranges, negative steps, bounds at the integer limits,
-- a zero step, float limits and huge steps (the all-integer FORPREP is inline).
for i = 1, 0 do print("never") end
for i = 10, 1, -3 do io.write(i, " ") end print()
for i = math.maxinteger - 2, math.maxinteger do io.write(i, " ") end print()
for i = math.mininteger, math.mininteger + 2 do io.write(i, " ") end print()
for i = math.mininteger + 2, math.mininteger, -1 do io.write(i, " ") end print()
for i = 1, 10, 4 do io.write(i, " ") end print()
for i = -5, -1, 2 do io.write(i, " ") end print()
for i = 3, 1 do print("never") end
print(pcall(function() for i = 1, 3, 0 do end end))
for i = 1, 2.5 do io.write(i, " ") end print()
for i = 1.0, 3 do io.write(i, " ") end print()
local n = 0 for i = 0, math.maxinteger, math.maxinteger // 4 do n = n + 1 end print(n)
local m = 0 for i = math.maxinteger, 0, math.mininteger // 3 do m = m + 1 end print(m)
