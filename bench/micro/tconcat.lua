local N = 1000
local t = {}; for i=1,10000 do t[i] = tostring(i) end; local s=0; for j=1,N do s = s + #table.concat(t, ",") end; print(s)
