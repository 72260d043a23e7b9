-- _ENV and globals
print(_VERSION, _G._G == _G, _ENV == _G)
x = 10
print(_G.x, _ENV.x, rawget(_G, "x"))
do
  local _ENV = {print = print, tostring = tostring}
  y = 5
  print(y, x, tostring(_ENV.y))
end
print(y, _G.y)
local function sandbox(code_env)
  local _ENV = code_env
  a = 1
  b = a + 1
  return b
end
local e = {}
print(sandbox(e), e.a, e.b, a)
local function withenv(_ENV) return val * 2 end
print(withenv({val = 21}))
-- _ENV as upvalue shared by closures
local function mk()
  local _ENV = {n = 0}
  return function() n = n + 1; return n end, function() return n end
end
local inc, get = mk()
inc(); inc()
print(get())
-- global access through metatable on _G
setmetatable(_G, {__index = function(t, k) return "default_" .. k end, __newindex = function(t, k, v) rawset(t, k, v .. "!") end})
print(undefined_thing)
newglobal = "v"
print(newglobal)
setmetatable(_G, nil)
print(rawget(_G, "undefined_thing"))
-- changing _ENV mid-function
local function switch()
  local r = {}
  r[1] = type(print)
  local _ENV = {type = type}
  r[2] = type(print)
  return r[1], r[2]
end
print(switch())
-- _ENV in nested functions with assignment
local env2 = setmetatable({}, {__index = _G})
local function run(_ENV)
  counter = (counter or 0) + 1
  local function inner() counter = counter + 10 end
  inner()
  return counter
end
print(run(env2), run(env2), rawget(_G, "counter"))
-- global functions definitions
function gfun() return "gfun" end
print(gfun(), _G.gfun == gfun)
local t = {}
function t.a() return "t.a" end
print(t.a())
-- _ENV const local
do
  local _ENV <const> = {print = print}
  print(math)
end
