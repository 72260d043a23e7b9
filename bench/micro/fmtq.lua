local N = 1000000
local s=0; for i=1,N do s = s + #string.format("%q", "a\\nb\\0c" .. i) end; print(s)
