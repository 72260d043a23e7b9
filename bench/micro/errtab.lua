local N = 1000000
local s=0; for i=1,N do local ok, e = pcall(function() error({code=i}) end); s = s + e.code end; print(s)
