local t = {} for i = 1, 100000 do t[i] = i end t.x = 1
local s = 0 for j = 1, 3000000 do s = s + #t end print(s)
local u = {} for i = 1, 100000 do u[#u + 1] = i end print(#u)
local v = {} v[1] = 1 for i = 2, 200000 do v[i] = i end for i = 200000, 1, -1 do v[i] = nil end print(#v)
