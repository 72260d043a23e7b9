-- Finalizers: called in reverse order of marking (setmetatable) after a
-- full collection, before collectgarbage returns; resurrection; errors become
-- warnings; __gc set after setmetatable does not count; closing runs the rest.
local log = {}
local function mk(name)
  return setmetatable({name = name}, {__gc = function(o) log[#log + 1] = o.name end})
end

do
  local a, b, c = mk("a"), mk("b"), mk("c")
end
collectgarbage()
print("order", table.concat(log, " "))

-- objects marked in a different order than created
log = {}
do
  local x, y, z = {name = "x"}, {name = "y"}, {name = "z"}
  local mt = {__gc = function(o) log[#log + 1] = o.name end}
  setmetatable(z, mt)
  setmetatable(x, mt)
  setmetatable(y, mt)
end
collectgarbage()
print("mark order", table.concat(log, " "))

-- a metatable whose __gc is added later is not marked for finalization
log = {}
do
  local mt = {}
  local o = setmetatable({name = "late"}, mt)
  mt.__gc = function(p) log[#log + 1] = p.name end
end
collectgarbage()
print("late __gc", #log)

-- a field __gc present (even false) at setmetatable marks it
do
  local mt = {__gc = false}
  local o = setmetatable({name = "marked"}, mt)
  mt.__gc = function(p) log[#log + 1] = p.name end
end
collectgarbage()
print("marked", table.concat(log, " "))

-- resurrection: the finalizer stores the object in a global
saved = nil
do
  local o = setmetatable({name = "phoenix", data = {1, 2, 3}},
    {__gc = function(p) saved = p end})
end
collectgarbage()
print("resurrected", saved and saved.name, saved and #saved.data)
local s = saved
saved = nil
s = nil
collectgarbage()
print("gone", saved)

-- a finalizer runs once even if resurrected
local runs = 0
do
  local o = setmetatable({}, {__gc = function(p) runs = runs + 1; keepit = p end})
end
collectgarbage()
keepit = nil
collectgarbage()
collectgarbage()
print("runs", runs)

-- errors in finalizers become warnings, the program goes on
do
  setmetatable({}, {__gc = function() error("boom") end})
end
collectgarbage()
print("after error")

-- finalizer allocating and collecting
log = {}
do
  setmetatable({}, {__gc = function()
    local t = {}
    for i = 1, 100 do t[i] = {i} end
    log[#log + 1] = "alloc " .. #t
  end})
end
collectgarbage()
print(log[1])

-- weak tables and finalizers: values are removed before finalization,
-- keys only after
local wv = setmetatable({}, {__mode = "v"})
local wk = setmetatable({}, {__mode = "k"})
do
  local o = setmetatable({}, {__gc = function(p)
    print("in gc: weak v has it", wv[1] == p, "weak k has it", wk[p] ~= nil)
  end})
  wv[1] = o
  wk[o] = true
end
collectgarbage()
local n = 0
for _ in pairs(wk) do n = n + 1 end
print("after gc", wv[1], n)

-- finalizers left at the end run when the state closes
setmetatable({}, {__gc = function() print("closing finalizer") end})
print("end of script")
