local t = {} for i = 1, 5000 do t[i] = i end
local s = 0 for j = 1, 2000 do s = s + select("#", table.unpack(t)) end print(s)
local str = string.rep("a", 5000) local b = 0 for j = 1, 2000 do b = b + select("#", str:byte(1, -1)) end print(b)
