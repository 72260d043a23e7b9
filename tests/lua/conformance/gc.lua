-- garbage collector interface and weak tables (deterministic parts)
print(type(collectgarbage("count")), collectgarbage("count") > 0)
print(collectgarbage(), collectgarbage("collect"))
print(collectgarbage("isrunning"))
collectgarbage("stop")
print(collectgarbage("isrunning"))
collectgarbage("restart")
print(collectgarbage("isrunning"))
print(type(collectgarbage("step")))
print(collectgarbage("incremental"))
print(collectgarbage("generational"))
print(collectgarbage("incremental"))
print(pcall(collectgarbage, "bogus"))
-- weak values
local weak = setmetatable({}, {__mode = "v"})
weak[1] = {}
weak[2] = "string stays"
weak[3] = 42
local keep = {}
weak[4] = keep
collectgarbage(); collectgarbage()
print(weak[1], weak[2], weak[3], weak[4] == keep)
-- weak keys
local wk = setmetatable({}, {__mode = "k"})
local k1, k2 = {}, {}
wk[k1] = "a"; wk[k2] = "b"; wk[{}] = "c"
k2 = nil
collectgarbage(); collectgarbage()
local n = 0
for k, v in pairs(wk) do n = n + 1 end
print(n, wk[k1])
-- ephemeron: value refers to key
local eph = setmetatable({}, {__mode = "k"})
do local k = {}; eph[k] = {ref = k} end
collectgarbage(); collectgarbage()
print(next(eph))
-- allocate lots of garbage; memory should stay bounded
local before = collectgarbage("count")
for i = 1, 200000 do local t = {i, tostring(i)} end
collectgarbage()
local after = collectgarbage("count")
print(after < before + 1000)
-- strings in weak tables are not collected
local ws = setmetatable({}, {__mode = "kv"})
ws["key" .. 1] = "val" .. 1
collectgarbage()
print(ws.key1)
-- __gc metamethod runs on collection
local gclog = {}
do
  setmetatable({}, {__gc = function() gclog[#gclog+1] = "gc1" end})
end
collectgarbage(); collectgarbage()
print(#gclog, gclog[1])
-- __gc set after setmetatable is not honored
local mt = {}
do setmetatable({}, mt) end
mt.__gc = function() gclog[#gclog+1] = "late" end
collectgarbage(); collectgarbage()
print(#gclog)
-- finalizer order and resurrection
local order = {}
-- keep all three alive until they become garbage together, so that the
-- order does not depend on when the collector happens to run
local keep = {}
for i = 1, 3 do keep[i] = setmetatable({}, {__gc = function() order[#order+1] = i end}) end
keep = nil
collectgarbage(); collectgarbage()
print(table.concat(order, ","))
-- closing state runs finalizers (printed at exit)
setmetatable({}, {__gc = function() print("finalizer at exit") end})
print("end of script")
