-- Bitwise metamethods: __band __bor __bxor __shl __shr __bnot.
local B = {}
local function b(x) return setmetatable({x = x}, B) end
local function val(a) return type(a) == "table" and a.x or a end
for _, op in ipairs({"band", "bor", "bxor", "shl", "shr"}) do
  B["__" .. op] = function(p, q) return op .. ":" .. val(p) .. ":" .. val(q) end
end
B.__bnot = function(p) return "bnot:" .. p.x end
local x = b(6)
print(x & 3, 3 | x, x ~ x, x << 1, 1 >> x, ~x)
print(pcall(function() return 1.5 & x end))
print(pcall(function() return {} | 1 end))
print(2.0 & b(1), "s" | b(2))
