local t = {} for i = 1, 300000 do t[i + 0.5] = i end local s = 0 for i = 1, 300000 do s = s + t[i + 0.5] end print(s)
local u = {} for i = 1, 300000 do u[-i] = i end s = 0 for i = 1, 300000 do s = s + u[-i] end print(s)
