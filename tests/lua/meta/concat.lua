-- __concat: either operand, chains of concatenation, numbers.
local C = setmetatable({}, {__concat = function(a, b)
  local function s(x) return type(x) == "table" and "C" or tostring(x) end
  return s(a) .. "+" .. s(b)
end})
print(C .. "x", "x" .. C, 1 .. C, C .. C)
print("a" .. "b" .. C)
print(C .. "a" .. "b")
print(pcall(function() return {} .. "x" end))
local W = setmetatable({}, {__concat = function(a, b) return setmetatable({}, getmetatable(type(a) == "table" and a or b)) end})
print(type(W .. 1 .. 2))
