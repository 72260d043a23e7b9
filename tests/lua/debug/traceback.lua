-- debug.traceback: messages, levels, nesting, tail calls, coroutines, C frames
local function show(s) print((s:gsub("0x%x+", "ADDR"))) end
show(debug.traceback())
show(debug.traceback("hello"))
show(debug.traceback("lvl0", 0))
show(debug.traceback("lvl2", 2))
show(debug.traceback("lvl50", 50))
print(debug.traceback(12.5))
print(debug.traceback(true), debug.traceback({}) ~= nil, type(debug.traceback({})))
local mt = setmetatable({}, {__tostring = function() return "custom" end})
print(debug.traceback(mt) == mt)
print(select('#', debug.traceback(nil)))
local function inner() return debug.traceback("in inner") end
local function middle() local s = inner(); return s end
local function outer() local s = middle(); return s end
show(outer())
-- global and field functions
function globalfn() return debug.traceback("g") end
show(globalfn())
local obj = {}
function obj.method() return debug.traceback("f") end
function obj:meth() return debug.traceback("m") end
show(obj.method())
show(obj:meth())
-- tail calls
local function tailee() return debug.traceback("tail") end
local function tailer() return tailee() end
show(tailer())
-- through pcall and a metamethod
show(select(2, pcall(debug.traceback, "pc")))
local idx = setmetatable({}, {__index = function(t, k) return debug.traceback("idx " .. k) end})
show(idx.foo)
-- through table.sort comparator and gsub callback
local out
table.sort({3, 1, 2}, function(a, b) out = out or debug.traceback("sort"); return a < b end)
show(out)
-- coroutine tracebacks
local co = coroutine.create(function(x)
  local function deep() coroutine.yield(x) end
  deep()
  return 1
end)
coroutine.resume(co, 1)
show(debug.traceback(co))
show(debug.traceback(co, "comsg"))
show(debug.traceback(co, "lv1", 1))
show(debug.traceback(co, nil, 2))
coroutine.resume(co)
show(debug.traceback(co, "dead"))
print(coroutine.status(co))
-- xpcall with traceback as handler
local ok, err = xpcall(function() error("boom") end, debug.traceback)
show(err)
ok, err = xpcall(function() local x = nil; return x.y end, debug.traceback)
show(err)
ok, err = xpcall(function() error({code = 1}) end, debug.traceback)
print(ok, type(err), err.code)
-- recursion (shallow: the "...(skipping n levels)" form is not covered here)
local function rec(n) if n == 0 then return debug.traceback("deep") end return (rec(n - 1)) end
show(rec(5))
