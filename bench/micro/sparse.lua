local seen = {} for i = 1, 1000 do seen[i * 7] = true end
local n = 0 for j = 1, 3000 do for i = 1, 1000 do if seen[i] then n = n + 1 end end end print(n)
local C = {} C.__index = C local o = setmetatable({}, C) local m = 0
for i = 1, 3000000 do if o.missing == nil then m = m + 1 end end print(m)
local names = {} local k = 0 for i = 1, 3000000 do if not names["n" .. (i % 10)] then k = k + 1 end end print(k)
