-- Error positions: the line of the failing operation in multi-line code and nested calls.
local function f(t)
  return t.a
    .b
end
print(pcall(f, {}))
local ok, e = pcall(function()
  local x = 1
  local y =
    x +
    nil
  return y
end)
print(ok, e)
local function deep3() error("deep") end
local function deep2() deep3() end
local function deep1() deep2() end
print(pcall(deep1))
print(pcall(function()
  local s = "a"
  return s:bad()
end))
local t = setmetatable({}, {__index = function(_, k)
  error("missing " .. k, 2)
end})
print(pcall(function()
  return t.x
end))
