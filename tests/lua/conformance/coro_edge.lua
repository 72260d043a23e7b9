-- coroutine edge cases
print(pcall(coroutine.yield, 1))
print(select(2, coroutine.resume(coroutine.create(function() return coroutine.isyieldable() end))))
print(pcall(coroutine.status, nil))
print(pcall(coroutine.create, 1))
local co = coroutine.create(function(...) return ... end)
print(coroutine.resume(co, 1, 2, 3))
print(coroutine.resume(co))
print(coroutine.status(co))
-- resume passing values into yields repeatedly
local acc = coroutine.wrap(function(x)
  local total = 0
  while true do total = total + x; x = coroutine.yield(total) end
end)
print(acc(1), acc(2), acc(3), acc(4))
-- wrap error includes position; error object preserved
local w = coroutine.wrap(function() local t = nil; return t.x end)
local ok, e = pcall(w)
print(ok, e)
local w2 = coroutine.wrap(function() error(setmetatable({}, {__tostring = function() return "E!" end})) end)
local ok2, e2 = pcall(w2)
print(ok2, tostring(e2))
-- status inside different contexts
local A, B
A = coroutine.create(function()
  print("A sees A", coroutine.status(A))
  coroutine.resume(B)
  print("A after B")
  return "A done"
end)
B = coroutine.create(function()
  print("B sees A", coroutine.status(A), "B", coroutine.status(B))
  print("B resumes A", coroutine.resume(A))
end)
print(coroutine.resume(A))
print(coroutine.status(A), coroutine.status(B))
-- coroutine.running inside coroutine
local co2 = coroutine.create(function() local c, m = coroutine.running(); return m, coroutine.status(c) end)
print(coroutine.resume(co2))
-- yielding many values and nil holes
local co3 = coroutine.create(function() coroutine.yield(nil, nil, 3, nil) ; return nil end)
print(select('#', coroutine.resume(co3)), coroutine.resume(co3))
print(select('#', coroutine.resume(co3)))
-- thousands of coroutines
local cos = {}
for i = 1, 2000 do cos[i] = coroutine.create(function(a) local b = coroutine.yield(a * 2); return a + b end) end
local s = 0
for i = 1, 2000 do local _, v = coroutine.resume(cos[i], i); s = s + v end
for i = 1, 2000 do local _, v = coroutine.resume(cos[i], 1); s = s + v end
print(s)
-- recursive coroutine generators (permutations)
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a) else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local count, first, last = 0
for p in coroutine.wrap(function() permgen({1, 2, 3, 4}) end) do
  count = count + 1
  local s2 = table.concat(p, "")
  first = first or s2; last = s2
end
print(count, first, last)
-- yield inside nested pcall inside coroutine, with error after resume
local co4 = coroutine.create(function()
  local r = {pcall(function()
    local r2 = {pcall(function() coroutine.yield("y1"); error("e1", 0) end)}
    coroutine.yield(table.unpack(r2))
    error("e2", 0)
  end)}
  return table.unpack(r)
end)
print(coroutine.resume(co4))
print(coroutine.resume(co4))
print(coroutine.resume(co4))
print(coroutine.status(co4))
-- error object types through resume
for _, v in ipairs{42, true, "s"} do
  local c = coroutine.create(function() error(v) end)
  print(coroutine.resume(c))
end
-- wrap called after error
local we = coroutine.wrap(function() error("first", 0) end)
print(pcall(we))
print(pcall(we))
-- close suspended with pending tbc returning error object
local cz = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function() error({code = 7}) end})
  coroutine.yield()
end)
coroutine.resume(cz)
local okz, ez = coroutine.close(cz)
print(okz, type(ez), ez.code, coroutine.status(cz))
-- coroutine.close on running/normal
print(pcall(coroutine.close, coroutine.running()))
local outer = coroutine.create(function(inner_creator)
  local parent = coroutine.running()
  local child = coroutine.create(function() return pcall(coroutine.close, parent) end)
  return coroutine.resume(child)
end)
print(coroutine.resume(outer))
