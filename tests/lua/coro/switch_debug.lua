-- The debug view of coroutines the executor switched itself (CALL's resume/yield/wrap paths): getinfo and getlocal of a suspended coroutine's levels, tracebacks, a hook set after a yield, close with a pending to-be-closed variable, error values with __tostring, wrap under xpcall
local co = coroutine.create(function(a)
  local function inner(x) return coroutine.yield(x + 1) end
  local b = inner(a)
  local c = coroutine.yield(b * 2)
  return c
end)
print(coroutine.resume(co, 1))
for lvl = 0, 3 do
  local info = debug.getinfo(co, lvl, "Slnt")
  if info then print(lvl, info.what, info.short_src, info.currentline, info.name, info.namewhat, info.istailcall) else print(lvl, nil) end
end
print(debug.getlocal(co, 1, 1), debug.getlocal(co, 2, 1))
print(coroutine.resume(co, 10))
print(debug.traceback(co, "msg", 0))
print(debug.traceback(co))
print(coroutine.resume(co, "end"))
print(coroutine.status(co), debug.traceback(co))
-- a hook set on the coroutine after it yielded
local co2 = coroutine.create(function() for i = 1, 3 do coroutine.yield(i) end end)
print(coroutine.resume(co2))
local calls = 0
debug.sethook(co2, function(ev) calls = calls + 1 end, "cr")
print(coroutine.resume(co2))
print(coroutine.resume(co2))
debug.sethook(co2)
print(calls > 0, coroutine.resume(co2), coroutine.status(co2))
-- close a coroutine suspended by the fast yield, with a pending tbc
local co3 = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function(_, e) print("closing", e) end})
  coroutine.yield(1)
end)
print(coroutine.resume(co3))
print(coroutine.close(co3), coroutine.status(co3))
-- error with a table value and a traceback from inside
local co4 = coroutine.create(function() coroutine.yield() error(setmetatable({}, {__tostring = function() return "E!" end})) end)
coroutine.resume(co4)
local ok, e = coroutine.resume(co4)
print(ok, tostring(e))
-- wrap inside xpcall with a handler
local w = coroutine.wrap(function() coroutine.yield(1) error("werr") end)
print(w())
print(xpcall(w, function(m) return "handled: " .. tostring(m) end))
