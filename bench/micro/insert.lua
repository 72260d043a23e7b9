local N = 3000000
local t = {}; for i=1,N do t[#t+1] = i end; local s=0; for i=1,N do table.insert(t, i) end; print(#t)
