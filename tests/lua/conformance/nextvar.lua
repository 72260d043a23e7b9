-- tables: length, next, ipairs, constructors, table library
local function sorted_keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks+1] = tostring(k) end
  table.sort(ks)
  return table.concat(ks, ",")
end
local t = {10, 20, 30, x = 1, y = 2, [100] = 5, ["a b"] = 6}
print(#t, sorted_keys(t))
local n = 0
for k, v in pairs(t) do n = n + 1 end
print(n)
-- next
print(next({}), next({}, nil), type(next{1}))
local k, v = next({5})
print(k, v, next({5}, 1))
print(pcall(next, {}, "nokey"))
-- ipairs stops at nil
local cnt = 0
for i, v in ipairs{1, 2, nil, 4} do cnt = cnt + 1 end
print(cnt)
-- ipairs respects __index
local proxy = setmetatable({}, {__index = function(t, i) if i <= 5 then return i * i end end})
local acc = {}
for i, v in ipairs(proxy) do acc[#acc+1] = v end
print(table.concat(acc, " "))
-- __pairs
local pp = setmetatable({}, {__pairs = function(t) return function(_, k) if not k then return 1, "one" elseif k < 3 then return k + 1, "more" end end, t, nil end})
for k, v in pairs(pp) do io.write(k, "=", v, " ") end print()
-- length of sequences
local s = {}
for i = 1, 100 do s[i] = i end
print(#s)
for i = 100, 51, -1 do s[i] = nil end
print(#s)
s = {n = 3}
print(#s)
s = {nil, nil, 3}
print(#s == 3 or #s == 0)
-- constructor with varargs and trailing
local function three() return 1, 2, 3 end
print(#{three()}, #{three(), three()}, #{three(), 10}, #{(three())})
local big = {}
for i = 1, 300 do big[i] = i end
local b2 = {table.unpack(big)}
print(#b2, b2[300])
-- constructors with many items (SETLIST batches)
local items = {1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60}
print(#items, items[50], items[60])
local mixed = {1, a = 1, 2, b = 2, 3, [4] = "four?", 5}
print(mixed[4], #mixed)
-- float keys normalized
local fk = {}
fk[1.0] = "a"; fk[2] = "b"; fk[2^53] = "c"
print(fk[1], fk[2.0], fk[2^53 | 0], math.type(next({[3.0] = 1})))
fk[-0.0] = "z"
print(fk[0], fk[0.0])
-- table.insert / remove
local tt = {}
table.insert(tt, "a"); table.insert(tt, "c"); table.insert(tt, 2, "b"); table.insert(tt, 1, "0")
print(table.concat(tt, ","))
print(table.remove(tt), table.remove(tt, 1), table.concat(tt, ","))
print(table.remove({}), #tt, table.remove(tt, #tt + 1))
print(pcall(table.insert, {1, 2}, 5, 1))
print(pcall(table.remove, {1, 2}, 5))
local e = {}
print(table.remove(e, 0), table.remove(e, #e))
-- table.concat
print(table.concat({1, 2, 3}), table.concat({1, 2, 3}, ", "), table.concat({1, 2, 3}, "-", 2), table.concat({1, 2, 3}, "-", 2, 1))
print(table.concat({1.5, "x", 2}, " "), table.concat({}, "x"))
-- table.unpack ranges
print(table.unpack({1, 2, 3}, -1, 1))
print(pcall(table.unpack, {}, 1, 1e8))
-- table.pack
local pk = table.pack(1, nil, 3)
print(pk.n, pk[1], pk[2], pk[3])
print(table.pack().n)
-- table.move
local m = {1, 2, 3, 4, 5}
table.move(m, 2, 4, 1)
print(table.concat(m, ","))
m = {1, 2, 3, 4, 5}
table.move(m, 1, 3, 3)
print(table.concat(m, ","))
local dst = table.move({1, 2, 3}, 1, 3, 2, {})
print(dst[1], dst[2], dst[4])
print(#table.move({}, 1, 0, 1, {9}))
-- table functions respect metamethods
local logs = {}
local mtt = setmetatable({}, {__newindex = function(t, k, v) logs[#logs+1] = k; rawset(t, k, v) end})
table.insert(mtt, "x")
print(table.concat(logs, ","), mtt[1])
-- integer keys vs string keys
local ik = {}
ik[1] = "int"; ik["1"] = "str"
print(ik[1], ik["1"])
-- nil assignment removes key during traversal
local del = {}
for i = 1, 20 do del[i] = i; del["k" .. i] = i end
for k in pairs(del) do del[k] = nil end
print(next(del))
-- table as keys, booleans as keys
local tk = {}
local key = {}
tk[key] = 1; tk[true] = 2; tk[false] = 3
print(tk[key], tk[true], tk[false])
-- # with border in hash part
local h = {}
h[1] = 1; h[2] = 2; h[3] = 3
print(#h)
-- rawset/rawget with metatables
local rs = setmetatable({}, {__newindex = function() error("no") end})
rawset(rs, "a", 1)
print(rs.a, rawget(rs, "a"))
-- select('#') with nils
print(select('#', nil, nil, nil), select('#', table.unpack({n = 3}, 1, 3)))
