local N = 1000000
local s=0; for i=1,N do local x = "a" .. i .. "b" .. i; s = s + #x end; print(s)
