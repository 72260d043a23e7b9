local N = 10000000
local t = {}; local keys = {}; for i=1,100 do keys[i] = "key" .. i; t[keys[i]] = i end; local s=0; for i=1,N do s = s + t[keys[i % 100 + 1]] end; print(s)
