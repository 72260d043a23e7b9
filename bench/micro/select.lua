local N = 3000000
local function f(...) return select("#", ...) + select(2, ...) end; local s=0; for i=1,N do s = s + f(i, i, i) end; print(s)
