local N = 10000000
local sqrt = math.sqrt; local s=0; for i=1,N do s = s + sqrt(i) end; print(string.format("%.3f", s))
