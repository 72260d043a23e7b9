local N = 800
local t = {}; for i=1,10000 do t["k"..i] = i end; local s=0; for j=1,N do for k, v in pairs(t) do s = s + v end end; print(s)
