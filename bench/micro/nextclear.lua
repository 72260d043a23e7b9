local t = {} for i = 1, 200000 do t["k" .. i] = i end
local n = 0 for k, v in pairs(t) do t[k] = nil n = n + 1 end print(n, next(t))
local a = {} for i = 1, 100000 do a[i] = i end
local c = 0 while #a > 0 do table.remove(a) c = c + 1 end print(c)
