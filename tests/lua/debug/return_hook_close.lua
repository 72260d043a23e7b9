-- The return hook of a function returning with to-be-closed variables runs after
-- their __close handlers (as Lua 5.4 runs it in luaD_poscall), once, also when the
-- handlers are what set the hook or when the return is a tail call.
local trace = {}
local function hook(ev) local info = debug.getinfo(2, "n") trace[#trace + 1] = ev .. " " .. tostring(info and info.name) end
local function closer(name) return setmetatable({}, {__close = function() trace[#trace + 1] = "close " .. name end}) end
local function foo(a)
  local x <close> = closer("x")
  local y <close> = closer("y")
  return a, 2
end
local function bar()
  local z <close> = closer("z")
  return
end
local function baz()
  local w <close> = closer("w")
  return foo(1)
end
debug.sethook(hook, "r")
foo(1); bar(); baz()
local ok = pcall(function() local q <close> = closer("q") error("e") end)
debug.sethook()
print(table.concat(trace, "\n"))
-- the hook set by a __close handler (official locals.lua): the function's return
-- event comes after its remaining handlers
local t2 = {}
local function h2(ev) local info = debug.getinfo(2, "n") t2[#t2 + 1] = ev .. " " .. tostring(info and info.name) end
local function f2()
  local x <close> = closer("x2")
  local y <close> = setmetatable({}, {__close = function() debug.sethook(h2, "r") end})
  return 1
end
f2()
debug.sethook()
print(table.concat(t2, ", "))
