-- __newindex with functions and tables; existing keys bypass it; rawset.
local log = {}
local t = setmetatable({existing = 1}, {__newindex = function(tbl, k, v) log[#log + 1] = k .. "=" .. tostring(v); rawset(tbl, k, v * 2) end})
t.existing = 5
t.new = 10
t.new = 11
print(t.existing, t.new, table.concat(log, " "))
local store = {}
local proxy = setmetatable({}, {__newindex = store, __index = store})
proxy.a = "A"
print(rawget(proxy, "a"), store.a, proxy.a)
-- chain: __newindex table that itself has __newindex
local final = {}
local middle = setmetatable({}, {__newindex = final})
local front = setmetatable({}, {__newindex = middle})
front.k = "v"
print(rawget(front, "k"), rawget(middle, "k"), final.k)
-- read-only table
local ro = setmetatable({}, {__index = {x = 1}, __newindex = function(_, k) error("read-only: " .. k, 2) end})
print(ro.x, pcall(function() ro.y = 2 end))
local arr = setmetatable({}, {__newindex = function(tbl, k, v) rawset(tbl, k, tostring(v)) end})
arr[1] = 1; arr[2] = 2
print(arr[1], math.type(arr[1]), type(arr[2]))
