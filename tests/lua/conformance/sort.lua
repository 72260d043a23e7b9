-- table.sort and related
local function check(t, f)
  for i = 2, #t do
    if f then assert(not f(t[i], t[i-1])) else assert(not (t[i] < t[i-1])) end
  end
  return true
end
local a = {}
local seed = 7
local function rnd() seed = (seed * 1103515245 + 12345) % 2147483648; return seed end
for i = 1, 1000 do a[i] = rnd() % 500 end
table.sort(a)
print(check(a), a[1], a[500], a[1000])
table.sort(a, function(x, y) return x > y end)
print(check(a, function(x, y) return x > y end), a[1], a[1000])
local words = {"banana", "apple", "Cherry", "date", "apple", "Banana", ""}
table.sort(words)
print(table.concat(words, ","))
table.sort(words, function(x, y) return x:lower() < y:lower() or (x:lower() == y:lower() and x < y) end)
print(table.concat(words, ","))
local fl = {3.5, -1, 2, 2.0, 1e10, -math.huge, math.huge, 0}
table.sort(fl)
print(table.concat(fl, " "))
-- sort with all equal
local eq = {}
for i = 1, 100 do eq[i] = 5 end
table.sort(eq)
print(eq[1], eq[100])
-- sort sorted and reverse
local s = {}
for i = 1, 200 do s[i] = i end
table.sort(s); print(s[1], s[200])
table.sort(s, function(x, y) return x > y end); print(s[1], s[200])
-- sort structs
local recs = {}
for i = 1, 50 do recs[i] = {id = i, key = (i * 37) % 11} end
table.sort(recs, function(x, y) if x.key ~= y.key then return x.key < y.key end return x.id < y.id end)
local out = {}
for i = 1, 10 do out[i] = recs[i].id .. ":" .. recs[i].key end
print(table.concat(out, " "))
-- invalid order function
print((pcall(table.sort, {3, 2, 1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, function(x, y) return true end)))
-- mixed types error
local ok, e = pcall(table.sort, {1, "x", 2})
print(ok, e)
-- sort with metamethod __lt
local mt = {__lt = function(x, y) return x.v < y.v end}
local objs = {}
for i = 1, 20 do objs[i] = setmetatable({v = (i * 7) % 20}, mt) end
table.sort(objs)
local vs = {}
for i = 1, 20 do vs[i] = objs[i].v end
print(table.concat(vs, ","))
-- small arrays
local one = {1}; table.sort(one); print(one[1])
local zero = {}; table.sort(zero); print(#zero)
local two = {2, 1}; table.sort(two); print(two[1], two[2])
-- sort errors
print(pcall(table.sort, {1, 2}, 3))
print(pcall(table.sort))
