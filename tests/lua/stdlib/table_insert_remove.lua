-- table.insert / table.remove: appends, inserts and removals at positions, edge
-- positions, argument errors, a __newindex proxy and a large front insertion.
print(pcall(table.remove, {1,2,3}, 7))
print(pcall(table.insert, {1,2,3}, 7, 1))
print(pcall(table.insert, {1,2,3}, 1, 2, 3))
print(pcall(table.insert, {1,2,3}))
local t = {1,2,3}
table.insert(t, 1, "a"); table.insert(t, 5, "z"); table.insert(t, "end")
print(table.concat(t, ","), #t)
print(table.remove(t, 1), table.remove(t), table.remove(t, #t + 1), table.concat(t, ","))
local e = {}
print(table.remove(e), #e, table.remove(e, 0), table.remove(e, 1))
local h = {}
for i = 1, 20 do h[i] = i end
for i = 1, 10 do table.remove(h, 1) end
print(table.concat(h, ","))
local big = {}
for i = 1, 1000 do table.insert(big, 1, i) end
print(big[1], big[1000], #big)
local p = setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v * 2) end})
table.insert(p, 5); table.insert(p, 6)
print(p[1], p[2])
print(pcall(table.insert, 1, 2))
