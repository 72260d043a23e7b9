-- debug.sethook: line, call, return, tail call and count events of Lua
-- functions, as lua5.4 raises them. (C functions raise no events in piccolo:
-- the hooks below ignore events whose function is a C function.)

local log = {}
local function hook(ev, line)
  local info = debug.getinfo(2, "nSl")
  if info.what == "C" then return end
  log[#log + 1] = string.format("%s %s cur=%s %s", ev, tostring(line),
                                tostring(info.currentline), tostring(info.name))
end

local function add(a, b)
  local s = a + b
  return s
end
local function loop(n)
  local t = 0
  for i = 1, n do
    t = t + i
  end
  return t
end
local function countdown(n)
  if n == 0 then return "done" end
  return countdown(n - 1)
end
local function va(...)
  local n = select("#", ...)
  return n
end

debug.sethook(hook, "crl")
local r1 = add(1, 2)
local r2 = loop(3)
local r3 = countdown(2)
local r4 = va(1, 2, 3)
debug.sethook()
for _, e in ipairs(log) do print(e) end
print(r1, r2, r3, r4)

-- locals of the hooked function are visible from a line hook
local seen = {}
local function locals()
  local alpha = 10
  local beta = alpha * 2
  return alpha + beta
end
debug.sethook(function(ev, line)
  local name, value = debug.getlocal(2, 1)
  if name then seen[#seen + 1] = line .. ":" .. name .. "=" .. (math.type(value) and tostring(value) or type(value)) end
end, "l")
locals()
debug.sethook()
print(table.concat(seen, " "))

-- count events (the hook's own instructions count too, as in lua5.4)
local cnt = 0
debug.sethook(function() cnt = cnt + 1 end, "", 50)
local s = 0
for i = 1, 5000 do s = s + i end
debug.sethook()
print("count", cnt, s)

-- gethook
local function h2() end
debug.sethook(h2, "lr", 7)
local f, m, c = debug.gethook()
debug.sethook()
print(f == h2, m, c, debug.gethook())

-- an error in a hook propagates to the pcall around the hooked code, and
-- hooks run again afterwards
local ok, err = pcall(function()
  debug.sethook(function(ev, line) debug.sethook(); error("hook failed at " .. line) end, "l")
  local x = 1
  return x
end)
print(ok, err)
local n2 = 0
debug.sethook(function() n2 = n2 + 1 end, "l")
local q = 1
q = q + 1
debug.sethook()
print("hooks after an error", n2)

-- turning hooks off inside a hook
local fired = 0
debug.sethook(function() fired = fired + 1; debug.sethook() end, "l")
local w = 1
w = w + 1
w = w + 1
print("fired once", fired)

-- a coroutine's own hook, and a hook inherited by a new coroutine
local co = coroutine.create(function(a)
  local b = a + 1
  coroutine.yield(b)
  return b * 2
end)
local clog = {}
debug.sethook(co, function(ev, line) clog[#clog + 1] = ev .. line end, "l")
print(coroutine.resume(co, 1))
print(coroutine.resume(co))
print(table.concat(clog, " "))
local inherited = {}
debug.sethook(function(ev, line) inherited[#inherited + 1] = line end, "l")
local co2 = coroutine.wrap(function() local z = 1; return z end)
co2()
debug.sethook()
print(#inherited > 0)
