local N = 8000000
local s = 0.0; for i=1,N do s = s + (i * 1.5) % 7 end; print(string.format("%.3f", s))
