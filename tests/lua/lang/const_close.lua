-- <const> and <close> locals: close order, close on break/return/error.
local K <const> = 42
local S <const> = "str"
print(K, S, K * 2)
local log = {}
local function closer(name)
  return setmetatable({}, {__close = function(_, err) log[#log + 1] = name .. ":" .. tostring(err) end})
end
do
  local a <close> = closer("a")
  local b <close> = closer("b")
  local c <close> = nil
  local d <close> = false
end
print(table.concat(log, " ")); log = {}
for i = 1, 3 do
  local x <close> = closer("i" .. i)
  if i == 2 then break end
end
print(table.concat(log, " ")); log = {}
local function f()
  local x <close> = closer("f")
  return "ret"
end
print(f(), table.concat(log, " ")); log = {}
print(pcall(function()
  local x <close> = closer("e")
  error("boom", 0)
end))
print(table.concat(log, " ")); log = {}
print(pcall(function() local x <close> = 1 end))
-- generic for closes its 4th value
local function iter()
  return function(_, i) if i < 2 then return i + 1 end end, nil, 0, closer("for")
end
for i in iter() do end
print(table.concat(log, " ")); log = {}
for i in iter() do break end
print(table.concat(log, " "))
