local N = 10000000
local a, b = "abcdef", "abcdeg"; local s=0; for i=1,N do if a < b then s = s + 1 end; if a == b then s = s - 1 end end; print(s)
