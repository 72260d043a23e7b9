local N = 500000
local s=0; for i=1,N do s = s + #string.format("%d %s %5.2f", i, "x", i / 3) end; print(s)
