local N = 40000000
local x = 0.0; for i=1,N do x = x * 0.5 + i / 7 end; print(string.format("%.3f", x))
