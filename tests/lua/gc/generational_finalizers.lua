-- Generational GC and __gc: young and old finalized objects, finalizers that allocate and store into old tables, order after a full collect, resurrection, weak entries of resurrected objects.
collectgarbage("generational")

local sink
local function churn(n)
  for i = 1, n do
    local t = {i, s = "junk" .. i}
    sink = function() return t end
  end
  sink = nil
end

-- many young objects die in minor collections; each finalizer resurrects its
-- object into an old table, where it and its children must stay intact
local log, seen = {}, {}
local mt = {__gc = function(o) log[#log + 1] = o end}
churn(20000)
local N = 20000
for i = 1, N do
  setmetatable({id = i, payload = {i, tostring(i)}}, mt)
  churn(3)
end
collectgarbage(); collectgarbage()
churn(30000)
local okn, sum = 0, 0
for _, o in ipairs(log) do
  if not seen[o.id] and o.payload[1] == o.id and o.payload[2] == tostring(o.id) then
    okn = okn + 1; sum = sum + o.id
  end
  seen[o.id] = true
end
print("young finalized", #log, okn, sum)
log, seen = nil, nil

-- finalized objects whose finalizers allocate into an old table (no finalizer
-- starts inside another: the index read before the allocation stays right)
local flog = {}
local fmt = {__gc = function(o)
  flog[#flog + 1] = {id = o.id, s = "fin" .. o.id}
end}
churn(20000)
for i = 1, 300 do
  setmetatable({id = i}, fmt)
  churn(200)
end
collectgarbage(); collectgarbage()
churn(20000)
okn, sum = 0, 0
for _, e in ipairs(flog) do
  if e.s == "fin" .. e.id then okn = okn + 1; sum = sum + e.id end
end
print("allocating finalizers", #flog, okn, sum)

-- old finalized objects (aged first) dropped together with young ones:
-- one full collection calls all, in reverse order of marking
local order = {}
local omt = {__gc = function(o) order[#order + 1] = o.name end}
local holder = {}
for _, name in ipairs({"a", "b", "c"}) do holder[name] = setmetatable({name = name}, omt) end
churn(40000)
collectgarbage("step"); collectgarbage("step")
holder.d = setmetatable({name = "d"}, omt)
holder.e = setmetatable({name = "e"}, omt)
holder = nil
collectgarbage()
print("order", table.concat(order, " "))

-- resurrection: an aged object comes back through an old global table,
-- with its old and new children intact after many minor collections
saved = {}
do
  local o = {name = "phoenix", data = {}}
  for i = 1, 500 do o.data[i] = {i} end
  setmetatable(o, {__gc = function(p)
    p.late = {}
    for i = 1, 500 do p.late[i] = {i * 2} end   -- new objects in a resurrected one
    saved[#saved + 1] = p
  end})
  churn(30000)
end
collectgarbage()
churn(50000)
local p = saved[1]
local s1, s2 = 0, 0
for i = 1, 500 do s1 = s1 + p.data[i][1]; s2 = s2 + p.late[i][1] end
print("resurrected", #saved, p.name, s1, s2)
p, saved = nil, nil

-- a finalizer that re-registers its object runs again (3 times in all)
local calls = 0
do
  local rmt = {}
  rmt.__gc = function(o) calls = calls + 1; if calls < 3 then setmetatable(o, rmt) end end
  setmetatable({}, rmt)
end
for _ = 1, 4 do collectgarbage() end
print("re-registered", calls)

-- resurrected objects leave weak values before their finalizer runs, weak
-- keys only at the next collection
local wk = setmetatable({}, {__mode = "k"})
local wv = setmetatable({}, {__mode = "v"})
local infin
do
  local o = setmetatable({}, {__gc = function(q) infin = {wv[1] == nil, wk[q] ~= nil} end})
  wk[o] = true; wv[1] = o
  churn(30000)
end
collectgarbage()
print("in finalizer", infin[1], infin[2])
collectgarbage()
print("weak key after", next(wk) == nil, next(wv) == nil)

-- finalizers still pending at the end run when the state closes
forever = setmetatable({}, {__gc = function() print("finalized at close") end})
print("end")
