local function counter() local c = 0 return function() c = c + 1 return c end end
local s = 0 for i = 1, 300000 do local f = counter() f() s = s + f() end print(s)
local function map(t, f) local r = {} for i = 1, #t do r[i] = f(t[i]) end return r end
local t = {} for i = 1, 100 do t[i] = i end local z = 0 for j = 1, 20000 do z = z + map(t, function(x) return x * 2 end)[100] end print(z)
