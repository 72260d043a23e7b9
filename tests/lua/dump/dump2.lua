-- string.dump: debug info kept or stripped, error positions, coroutines, GC.
local function bad(t) return t.x.y end
local full = load(string.dump(bad))
local stripped = load(string.dump(bad, true))
local ok, m1 = pcall(full, {})
print(ok, (m1:gsub("^.-dump2%.lua", "FILE")))
local ok2, m2 = pcall(stripped, {})
print(ok2, m2)

local i1 = debug.getinfo(full, "S")
local i2 = debug.getinfo(stripped, "S")
print(i1.short_src:match("dump2%.lua") ~= nil, i1.linedefined, i1.lastlinedefined, i1.what)
print(i2.source, i2.short_src, i2.linedefined, i2.lastlinedefined, i2.what)
print(debug.getinfo(full, "l").currentline, debug.getinfo(stripped, "l").currentline)
print(debug.getlocal(full, 1), debug.getlocal(stripped, 1))
local n1, v1 = debug.getupvalue(load(string.dump(function() return bad end)), 1)
local n2, v2 = debug.getupvalue(load(string.dump(function() return bad end, true)), 1)
print(n1, v1 == _G, n2, v2 == _G)

-- generators in coroutines
local function gen(n)
  for i = 1, n do coroutine.yield(i * i) end
  return "done"
end
local co = coroutine.wrap(load(string.dump(gen)))
print(co(4), co(), co(), co(), co())

-- many dumps under collection pressure
local acc = 0
for i = 1, 200 do
  local function k(a, b) return a + b * 2 end
  local f = load(string.dump(k, i % 2 == 0))
  acc = acc + f(1, i)
  if i % 50 == 0 then collectgarbage() end
end
print(acc)

-- a big function with many constants and children
local function big()
  local t = {}
  for i = 1, 300 do t[#t + 1] = function() return i end end
  return #t, t[1](), t[300]()
end
print(load(string.dump(big))())

-- the dumped string is an ordinary string
local s = string.dump(big)
print(type(s), s == string.dump(big), #s == #string.dump(big))
print(#string.dump(big, true) < #string.dump(big))
