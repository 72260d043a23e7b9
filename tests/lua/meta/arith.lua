-- Arithmetic metamethods: every operator, operand order, mixed operands.
local V = {}
V.__index = V
local function v(x) return setmetatable({x = x}, V) end
local function val(a) return type(a) == "table" and a.x or a end
for _, op in ipairs({"add", "sub", "mul", "div", "mod", "pow", "idiv"}) do
  V["__" .. op] = function(a, b) return op .. "(" .. tostring(val(a)) .. "," .. tostring(val(b)) .. ")" end
end
V.__unm = function(a, b) return "unm(" .. a.x .. "," .. tostring(val(b)) .. ")" end
local a, b = v(1), v(2)
print(a + b, a - 3, 4 * b, a / b, a % 5, 2 ^ a, a // b)
print(-a)
print("10" + a, a + "x")
local M = setmetatable({}, {__add = function() return 1, 2 end})
print(M + 1)
print(pcall(function() return {} + 1 end))
local right = setmetatable({}, {__sub = function(x, y) return type(x) .. "-" .. type(y) end})
print(5 - right, right - 5)
