local N = 4000000
local f = function(a) return a end; local s=0; for i=1,N do local ok, v = pcall(f, i); s = s + v end; print(s)
