local t = {} for i = 1, 20000 do table.insert(t, 1, i) end local s = 0 while #t > 0 do s = s + table.remove(t, 1) end print(s)
local a = {} for i = 1, 1000 do a[i] = i end local b = {} for j = 1, 2000 do table.move(a, 1, 1000, 1, b) end print(#b)
