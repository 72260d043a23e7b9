local N = 40
local s=0; for j=1,N do local t = {}; for i=1,20000 do t[i] = (i * 7919) % 20011 end; table.sort(t); s = s + t[1] + t[20000] end; print(s)
