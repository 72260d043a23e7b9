-- Constructors whose last item is a call or '...' returning 0, 1 or many values: the array grows after the fixed items (the array-only resize), and the table behaves as lua5.4's afterwards (length, traversal, later keys in both parts).
local function none() end
local function one(x) return x end
local function many(n) local t = {} for i = 1, n do t[i] = i * 10 end return table.unpack(t) end
local function va(...) return { "a", ... } end
local cases = {
  { "none", { 1, none() } }, { "one", { 1, one(2) } }, { "many", { 1, many(20) } },
  { "only", { many(3) } }, { "nested", { { one(1) }, one({ 2, 3 }) } },
  { "va0", va() }, { "va3", va(1, 2, 3) }, { "vanil", va(nil, nil, 5) },
}
for _, c in ipairs(cases) do
  local name, t = c[1], c[2]
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  print(name, #t, table.concat(keys, ","))
end
-- grow again after the constructor: array and hash keys mixed
local t = { 1, many(4) }
for i = 6, 40 do t[i] = i end
t.x, t[100] = "x", "h"
local n = 0
for k, v in pairs(t) do n = n + 1 end
print(#t, n, t[5], t[40], t.x, t[100])
-- many constructors in a loop (the collector runs meanwhile)
local total = 0
for i = 1, 2000 do
  local u = { i, one(i + 1) }
  total = total + #u + u[2]
end
print(total)
