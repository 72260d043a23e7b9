-- Arithmetic and order operators over every pairing of operand types (the executor tests both tags at once: same-type numbers in line, the rest through conversion or metamethods), register and constant operands; field reads where a key sits at, or past, its main position, or was deleted.
local vals = { 3, -7, 2.5, -0.0, 1/0, 0/0, "4", "0x10", "2.5", " 8 ", "x", true, {}, math.maxinteger, math.mininteger }
local function show(v)
  if type(v) == "number" then
    if v ~= v then return "nan" end
    return math.type(v) .. ":" .. string.format("%.14g", v)
  end
  return type(v) == "table" and "table" or tostring(v)
end
local ops = {
  add = function(a, b) return a + b end, sub = function(a, b) return a - b end,
  mul = function(a, b) return a * b end, div = function(a, b) return a / b end,
  mod = function(a, b) return a % b end, idiv = function(a, b) return a // b end,
  pow = function(a, b) return a ^ b end,
  lt = function(a, b) return a < b end, le = function(a, b) return a <= b end,
}
local names = { "add", "sub", "mul", "div", "mod", "idiv", "pow", "lt", "le" }
for _, name in ipairs(names) do
  local f, line = ops[name], {}
  for _, a in ipairs(vals) do
    for _, b in ipairs(vals) do
      local ok, r = pcall(f, a, b)
      line[#line + 1] = ok and show(r) or "E"
    end
  end
  print(name, table.concat(line, " "))
end
-- constant operands (ADDK, MULK, ... and the immediate forms)
for _, a in ipairs(vals) do
  local ok1, r1 = pcall(function() return a + 2 end)
  local ok2, r2 = pcall(function() return a * 0.5 end)
  local ok3, r3 = pcall(function() return a - 1.5 end)
  local ok4, r4 = pcall(function() return a % 3 end)
  local ok5, r5 = pcall(function() return a < 2 end)
  print(show(a), ok1 and show(r1) or "E", ok2 and show(r2) or "E", ok3 and show(r3) or "E",
        ok4 and show(r4) or "E", ok5 and show(r5) or "E")
end
-- metamethods on same-tag operands (two tables) and mixed ones
local mt = { __add = function(a, b) return "add" end, __lt = function(a, b) return true end,
             __le = function(a, b) return false end, __mul = function(a, b) return 42 end }
local t1, t2 = setmetatable({}, mt), setmetatable({}, mt)
print(t1 + t2, t1 + 1, 1 + t1, t1 * t2, t1 < t2, t1 <= t2, t1 < 1, 2 <= t2)
-- integer wrap-around stays integer
print(math.maxinteger + 1 == math.mininteger, math.mininteger - 1 == math.maxinteger, math.maxinteger * 2)
-- field reads: many keys (collisions, chains), deleted keys, keys re-added
local t = {}
for i = 1, 200 do t["k" .. i] = i end
for i = 1, 200, 3 do t["k" .. i] = nil end
local sum, missing = 0, 0
for i = 1, 200 do local v = t["k" .. i]; if v then sum = sum + v else missing = missing + 1 end end
print(sum, missing, t.k1, t.k2, t.k3, t.k199, t.k200)
for i = 1, 200, 3 do t["k" .. i] = -i end
print(t.k1, t.k4, t.k199, t.k200)
local class = { __index = { greet = function() return "hi" end, k5 = "class" } }
local obj = setmetatable({ k5 = false }, class)
print(obj.greet(), obj.k5, obj.nothere)
obj.k5 = nil
print(obj.k5)
