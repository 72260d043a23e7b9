-- table.move between plain tables (raw copies) and with metatables (every read and write through the metamethods): overlapping ranges both ways, holes, hash-part and negative indices, a second table, results and errors
local function show(t, a, b)
  local out = {}
  for i = a, b do out[#out + 1] = tostring(t[i]) end
  return table.concat(out, " ")
end
local t = {1, 2, 3, 4, 5, 6, 7, 8}
table.move(t, 1, 5, 3)            -- overlap, destination after source: backward copy
print(show(t, 1, 8))
t = {1, 2, 3, 4, 5, 6, 7, 8}
table.move(t, 3, 8, 1)            -- overlap, destination before source: forward copy
print(show(t, 1, 8))
t = {1, nil, 3, nil, 5}
local u = table.move(t, 1, 5, 100, {})
print(show(u, 100, 104), u[99], u[105])
local neg = table.move({10, 20, 30}, 1, 3, -1)
print(show(neg, -1, 3))
print(table.move({}, 1, 0, 5) ~= nil, #table.move({1, 2}, 1, 2, 1, {9, 9, 9}))
local big = {}
for i = 1, 1000 do big[i] = i * i end
local dst = table.move(big, 1, 1000, 2^40)
print(dst[2^40], dst[2^40 + 999], #table.move(big, 501, 1000, 1, {}))
-- through metamethods: reads and writes are seen in order
local log = {}
local src = setmetatable({}, {__index = function(_, k) log[#log + 1] = "r" .. k; return k * 10 end})
local sink = setmetatable({}, {__newindex = function(s, k, v) log[#log + 1] = "w" .. k; rawset(s, k, v) end})
table.move(src, 1, 3, 2, sink)
print(table.concat(log, ","), show(sink, 2, 4))
print(pcall(table.move, {}, 1, math.maxinteger, 2))
print(pcall(table.move, {}, -1, math.maxinteger, 2))
print(pcall(table.move, {1, 2}, 1, 2, math.maxinteger))
print(pcall(table.move, 1, 1, 2, 3))
