-- setmetatable(t, mt) in every call shape (the executor sets a fresh table's metatable itself), and the cases the library function still handles: errors, protected metatables, replacing or removing a metatable, finalizers, weak tables.
local mt = { __index = function(_, k) return "idx:" .. k end }
local t = {}
print(setmetatable(t, mt) == t, t.x, getmetatable(t) == mt)
local a, b = setmetatable({}, mt)
print(a.y, b)
print(select("#", setmetatable({}, mt)), #{ setmetatable({}, mt), setmetatable({}, mt) })
setmetatable({}, mt)   -- as a statement
-- replacing and removing
local other = { __index = { z = 26 } }
print(setmetatable(t, other).z, setmetatable(t, nil) == t, getmetatable(t))
-- errors stay the library's
print(pcall(setmetatable, 1, mt))
print(pcall(setmetatable, {}, 1))
print(pcall(setmetatable, {}))
print(pcall(function() return setmetatable("s", mt) end))
local p = setmetatable({}, { __metatable = "locked" })
print(pcall(setmetatable, p, mt), getmetatable(p))
-- a finalizer, a weak table
local log = {}
do setmetatable({}, { __gc = function() log[#log + 1] = "gc" end }) end
collectgarbage(); collectgarbage()
print(#log)
local weak = setmetatable({}, { __mode = "k" })
weak[{}] = 1
collectgarbage(); collectgarbage()
print(next(weak))
-- many objects: the barrier keeps every metatable alive through the collector
local class = { __index = { get = function(self) return self.v end } }
local sum = 0
for i = 1, 20000 do
  local o = setmetatable({ v = i }, class)
  if i % 1000 == 0 then collectgarbage("step") end
  sum = sum + o:get()
end
print(sum)
