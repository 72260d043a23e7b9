local N = 3000000
local floor, abs, max = math.floor, math.abs, math.max; local s=0; for i=1,N do s = s + floor(i / 3) + abs(-i) + max(i, 5) end; print(s)
