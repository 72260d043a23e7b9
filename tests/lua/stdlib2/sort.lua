-- table.sort: lua5.4's quicksort order, comparators, metamethods, errors
local function dump(t) local r = {} for i = 1, #t do r[i] = tostring(t[i]) end return table.concat(r, " ") end
local t = {5, 2, 8, 1, 9, 3, 7, 4, 6, 0}
table.sort(t) print(dump(t))
table.sort(t, function(a, b) return a > b end) print(dump(t))
local s = {"banana", "apple", "Cherry", "date", "apple"}
table.sort(s) print(dump(s))
local mixed = {3.5, 1, 2.25, -7, 2^53, 0}
table.sort(mixed) print(dump(mixed))
-- unstable order of equal keys must match lua5.4 exactly
local recs = {}
for i = 1, 30 do recs[i] = {k = (i * 7) % 5, id = i} end
table.sort(recs, function(a, b) return a.k < b.k end)
local ids = {} for i, r in ipairs(recs) do ids[i] = r.k .. ":" .. r.id end print(table.concat(ids, " "))
-- larger arrays, number of comparisons
local big = {}
local x = 12345
for i = 1, 500 do x = (x * 1103515245 + 12345) % 2147483648; big[i] = x % 1000 end
local ncmp = 0
table.sort(big, function(a, b) ncmp = ncmp + 1 return a < b end)
local ok = true for i = 2, #big do if big[i - 1] > big[i] then ok = false end end
print(ok, ncmp, big[1], big[250], big[500])
local big2 = {} for i = 1, 1000 do big2[i] = (i * 7919) % 1009 end
table.sort(big2) print(big2[1], big2[500], big2[1000])
local rev = {} for i = 1, 200 do rev[i] = 201 - i end
ncmp = 0 table.sort(rev, function(a, b) ncmp = ncmp + 1 return a < b end) print(rev[1], rev[200], ncmp)
-- __lt metamethod on tables
local mt = {__lt = function(a, b) return a.v < b.v end}
local objs = {}
for i, v in ipairs({4, 1, 3, 2}) do objs[i] = setmetatable({v = v}, mt) end
table.sort(objs)
local vs = {} for i, o in ipairs(objs) do vs[i] = o.v end print(table.concat(vs, " "))
-- proxy table with __index/__newindex
local store = {3, 1, 2}
local proxy = setmetatable({}, {__index = store, __newindex = store, __len = function() return #store end})
table.sort(proxy) print(dump(store))
-- errors
print(pcall(table.sort, {1, "x", 2}))
print(pcall(table.sort, {1, nil, 2}))
print(pcall(table.sort, {{}, {}}))
print(pcall(table.sort, {1, 2, 3}, 1))
print(pcall(table.sort, {3, 1, 2}, function(a, b) error("boom") end))
local bad = {} for i = 1, 100 do bad[i] = i % 7 end
print(pcall(table.sort, bad, function(a, b) return true end))
print(pcall(table.sort, {1, 2, 3}, function(a, b) return a.x < b end))
table.sort({}) table.sort({1}) print("trivial ok")
