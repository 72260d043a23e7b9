local N = 40000000
local i, s = 0, 0; while i < N do i = i + 1; s = s + i end; print(s)
