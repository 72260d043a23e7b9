local N = 1000
local t = {}; for i=1,10000 do t[i] = i end; local s=0; for j=1,N do for i, v in ipairs(t) do s = s + v end end; print(s)
