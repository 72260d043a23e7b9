-- _ENV: globals are fields of _ENV; a local _ENV changes global resolution.
x = 10
print(_ENV.x, _G.x, _ENV == _G)
do
  local _ENV = {print = print, y = 5}
  z = 7
  print(y, z, x)
end
print(z, x)
local function withenv()
  local _ENV = setmetatable({}, {__index = _G})
  newglobal = "local to env"
  return newglobal
end
print(withenv(), newglobal)
local function f(_ENV) return a + b end
print(f({a = 1, b = 2}))
_ENV.w = 3
print(w)
local saved = _ENV
do
  local _ENV <const> = {}
  saved.print(saved.type(_ENV))
end
