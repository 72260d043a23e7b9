local N = 20
local s=0; for j=1,N do local t = {}; for i=1,20000 do t[i] = (i * 7919) % 20011 end; table.sort(t, function(a, b) return a > b end); s = s + t[1] end; print(s)
