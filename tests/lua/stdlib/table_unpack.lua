-- table.unpack: ranges, holes, empty and huge ranges, proxies (__index), plain tables.
local t = {1, 2, 3, nil, 5, x = 1}
print(table.unpack(t)); print(table.unpack(t, 2, 6)); print(table.unpack(t, -1, 1)); print(table.unpack({}, 1, 0))
print(select("#", table.unpack({}, 1, 3)), table.unpack({n = 1}, 1, 2))
local p = setmetatable({}, {__index = function(_, k) return k * 10 end})
print(table.unpack(p, 1, 4))
print(pcall(table.unpack, {}, 1, 1e8))
print(table.unpack({1, 2, 3}, math.maxinteger - 1, math.maxinteger))
local big = {} for i = 1, 300 do big[i] = i end
print(select("#", table.unpack(big)), (select(300, table.unpack(big))))
