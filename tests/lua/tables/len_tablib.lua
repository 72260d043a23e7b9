-- table.insert/remove/concat/unpack/move/sort on tables with holes: they all
-- take '#' (lua5.4's border) and touch slots that move its length hint, so the
-- lengths seen afterwards must be the same as lua5.4's.

local seed = 777
local function rnd(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n + 1
end

local function holey(n, every)
  local t = {}
  for i = 1, n do t[i] = i end
  for i = every, n, every do t[i] = nil end
  return t
end

-- insert at the end and in the middle of tables with holes
for n = 1, 20 do
  local t = holey(n, 3)
  local out = {#t}
  table.insert(t, "x"); out[#out + 1] = #t
  table.insert(t, 1, "y"); out[#out + 1] = #t
  table.insert(t, #t, "z"); out[#out + 1] = #t
  t[#t - 1] = nil; out[#out + 1] = #t
  table.insert(t, "w"); out[#out + 1] = #t
  print("insert", n, table.concat(out, " "))
end

-- remove from the end, the front and the middle
for n = 1, 20 do
  local t = holey(n, 4)
  local out = {#t}
  table.remove(t); out[#out + 1] = #t
  table.remove(t, 1); out[#out + 1] = #t
  if #t > 2 then table.remove(t, 2) end
  out[#out + 1] = #t
  t[n + 3] = true; out[#out + 1] = #t
  table.remove(t); out[#out + 1] = #t
  print("remove", n, table.concat(out, " "))
end

-- a queue: push at the end, pop at the front, with stray nils
local q = {}
local out = {}
for i = 1, 200 do
  local op = rnd(6)
  if op <= 3 then
    table.insert(q, i)
  elseif op == 4 then
    table.remove(q, 1)
  elseif op == 5 then
    q[rnd(#q + 1)] = nil
  else
    table.remove(q)
  end
  out[#out + 1] = #q
end
print("queue", table.concat(out, " "))

-- concat/unpack use '#' for their default bounds
for n = 1, 12 do
  local t = holey(n, 5)
  local len = #t
  local ok = pcall(table.concat, t, ",")
  for i = 1, n do if t[i] == nil then t[i] = "_" end end
  t[n + 2] = "far"
  print("concat", n, len, ok, #t, select('#', table.unpack(t)), table.concat(t, ",", 1, n))
end

-- move into a table with holes and sort a prefix
for n = 2, 16 do
  local src = holey(n, 6)
  local dst = holey(n + 4, 3)
  table.move(src, 1, n, 3, dst)
  local len = #dst
  local full = {}
  for i = 1, len do full[i] = dst[i] or 0 end
  table.sort(full)
  print("move", n, len, #full, full[1], full[#full])
end

-- ipairs stops at the first nil; '#' afterwards (ipairs reads past the hint)
for n = 3, 12 do
  local t = holey(n, n - 1)
  t[n - 1] = nil; t[n - 2] = nil
  local a = #t
  local c = 0
  for _ in ipairs(t) do c = c + 1 end
  t[n - 1] = true
  print("ipairs", n, a, c, #t)
end
