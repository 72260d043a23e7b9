local N = 400000
local str = "héllo wörld ünïcode"; local s=0; for i=1,N do s = s + utf8.len(str); for p, c in utf8.codes(str) do s = s + c end end; print(s)
