local N = 2000000
local s=0; for i=1,N do local ok, e = pcall(error, "x"); if not ok then s = s + 1 end end; print(s)
