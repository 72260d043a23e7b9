-- Numeric for: integer and float loops, steps, empty loops, overflow edges.
local out = {}
for i = 1, 5 do out[#out + 1] = i end
print(table.concat(out, " "))
out = {}
for i = 10, 1, -3 do out[#out + 1] = i end
print(table.concat(out, " "))
for i = 1, 0 do print("never") end
for i = 1.0, 2.0, 0.5 do io.write(i, " ") end print()
for i = 1, 2.5 do io.write(math.type(i), " ") end print()
for i = 0.1, 0.35, 0.1 do io.write(string.format("%.1f ", i)) end print()
local n = 0
for i = math.maxinteger - 2, math.maxinteger do n = n + 1 end
print("to maxinteger", n)
n = 0
for i = math.mininteger, math.mininteger + 2 do n = n + 1 end
print("from mininteger", n)
n = 0
for i = math.mininteger + 2, math.mininteger, -1 do n = n + 1 end
print("down to mininteger", n)
n = 0
for i = 1, math.maxinteger, math.maxinteger // 2 do n = n + 1 end
print("big step", n)
for i = 3, 1 do print("never") end
for i = 1, 3 do local j = i * 2; i = 10; io.write(j, " ") end print()
print(pcall(function() for i = 1, 10, 0 do end end))
print(pcall(function() for i = 1, "x" do end end))
print(pcall(function() for i = 1.0, 2, 0.0 do end end))
for i = -1, -3, -1 do io.write(i, " ") end print()
for i = 1, math.huge do if i > 3 then break end io.write(i, " ") end print()
for i = 3, -math.huge, -1 do if i < 1 then break end io.write(i, " ") end print()
