local N = 10000000
local s = 0.0; for i=1,N do s = s + i ^ 0.5 end; print(string.format("%.3f", s))
