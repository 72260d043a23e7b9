-- table.sort: default order, comparators, stability not assumed, invalid order.
local t = {5, 2, 8, 1, 9, 3, 7, 4, 6, 10}
table.sort(t)
print(table.concat(t, " "))
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
local s = {"banana", "apple", "Cherry", "date"}
table.sort(s)
print(table.concat(s, " "))
table.sort(s, function(a, b) return a:lower() < b:lower() end)
print(table.concat(s, " "))
local recs = {{n = "x", a = 3}, {n = "y", a = 1}, {n = "z", a = 2}}
table.sort(recs, function(p, q) return p.a < q.a end)
print(recs[1].n, recs[2].n, recs[3].n)
local big = {}
local seed = 7
for i = 1, 1000 do seed = (seed * 1103515245 + 12345) % 2147483648; big[i] = seed % 1000 end
table.sort(big)
local ok = true
for i = 2, #big do if big[i - 1] > big[i] then ok = false end end
print(ok, big[1], big[1000])
local mixed = {3, 1.5, 2, -1, 2.5}
table.sort(mixed)
print(table.concat(mixed, " "))
print((pcall(table.sort, {1, "x", 2})))
local one = {1}; table.sort(one); print(one[1])
local empty = {}; table.sort(empty); print(#empty)
