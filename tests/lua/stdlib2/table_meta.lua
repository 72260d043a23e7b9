-- table library through __index/__newindex/__len (functions and tables), errors
local function dump(t, n) local r = {} for i = 1, n or #t do r[#r + 1] = tostring(t[i]) end return table.concat(r, ",") end
local t = {1, 2, 3}
table.insert(t, 4); table.insert(t, 1, 0); table.insert(t, 3, 1.5)
print(dump(t), #t)
print(table.remove(t), table.remove(t, 1), table.remove(t, 2), dump(t))
print(table.remove({}), table.remove({}, 0), #t, table.remove(t, #t + 1))
print(table.concat({1, 2, "x", 3.5}, "-"), table.concat({}, "x"), table.concat({1, 2, 3}, ", ", 2, 3))
print(table.concat({"a", "b", "c"}, "", 3, 2), table.concat({"a"}, nil, 1, 1))
print(table.unpack({1, 2, 3})) print(table.unpack({1, 2, 3}, 2)) print(table.unpack({1, 2, 3}, -1, 1))
print(select("#", table.unpack({}, 1, 5)), table.unpack({1, nil, 3}, 1, 3))
local p = table.pack(1, nil, 3) print(p.n, p[1], p[2], p[3])
print(table.pack().n)
print(dump(table.move({1, 2, 3, 4, 5}, 2, 4, 1), 5), dump(table.move({1, 2, 3, 4, 5}, 1, 3, 3), 5))
print(dump(table.move({1, 2, 3}, 1, 3, 1, {}), 3), dump(table.move({1, 2}, 1, 0, 5), 5))
-- proxies with function metamethods
local log = {}
local store = {10, 20, 30}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get" .. k return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "set" .. k .. "=" .. tostring(v) store[k] = v end,
  __len = function() return #store end,
})
table.insert(proxy, 40)
table.insert(proxy, 1, 5)
print(dump(store), table.concat(log, " "))
log = {}
print(table.remove(proxy, 2), dump(store), table.concat(log, " "))
log = {}
print(table.concat(proxy, "+"), table.unpack(proxy))
print(table.concat(log, " "))
log = {}
table.move(proxy, 1, 2, 3)
print(dump(store), table.concat(log, " "))
-- __index table chains
local base = {1, 2, 3}
local child = setmetatable({}, {__index = base, __len = function() return 3 end})
print(table.concat(child, ","), table.unpack(child))
-- errors
print(pcall(table.insert, {}, 1, 2, 3))
print(pcall(table.insert, {}, 5, 1))
print(pcall(table.insert, {}, 0, 1))
print(pcall(table.insert, nil, 1))
print(pcall(table.insert, {}))
print(pcall(table.remove, {1, 2}, 5))
print(pcall(table.concat, {1, {}, 3}))
print(pcall(table.concat, {1, 2}, ",", 1, 3))
print(pcall(table.unpack, {}, 1, 1e8))
print(pcall(table.unpack, {}, math.mininteger, math.maxinteger))
print(pcall(table.move, {}, 1, math.maxinteger, 2))
print(pcall(table.move, {1}, -1, math.maxinteger, 2))
print(pcall(table.concat, setmetatable({}, {__len = function() return "x" end})))
print(pcall(table.insert, setmetatable({}, {__len = function() return 2.5 end}), 1))
print(pcall(table.concat, 1))
print(pcall(table.unpack))
