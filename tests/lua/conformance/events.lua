-- metatables and metamethods
local X = {}
local mt = {}
mt.__index = function(t, k) return k .. "!" end
setmetatable(X, mt)
print(X.a, X[1], rawget(X, "a"))
print(getmetatable(X) == mt, getmetatable("abc").__index == string)
mt.__metatable = "locked"
print(getmetatable(X), pcall(setmetatable, X, {}))
-- arithmetic metamethods
local V = {}
V.__index = V
local function vec(x, y) return setmetatable({x = x, y = y}, V) end
V.__add = function(a, b) return vec(a.x + b.x, a.y + b.y) end
V.__sub = function(a, b) return vec(a.x - b.x, a.y - b.y) end
V.__mul = function(a, b) if type(a) == "number" then return vec(a * b.x, a * b.y) elseif type(b) == "number" then return vec(a.x * b, a.y * b) end return a.x * b.x + a.y * b.y end
V.__div = function(a, b) return "div" end
V.__mod = function(a, b) return "mod" end
V.__pow = function(a, b) return "pow" end
V.__unm = function(a) return vec(-a.x, -a.y) end
V.__idiv = function(a, b) return "idiv" end
V.__band = function(a, b) return "band" end
V.__bor = function(a, b) return "bor" end
V.__bxor = function(a, b) return "bxor" end
V.__shl = function(a, b) return "shl" end
V.__shr = function(a, b) return "shr" end
V.__bnot = function(a) return "bnot" end
V.__len = function(a) return 2 end
V.__concat = function(a, b) return "concat" end
V.__eq = function(a, b) return a.x == b.x and a.y == b.y end
V.__lt = function(a, b) return a.x < b.x end
V.__le = function(a, b) return a.x <= b.x end
V.__tostring = function(a) return "(" .. a.x .. "," .. a.y .. ")" end
V.__call = function(self, k) return self[k] end
V.__name = "Vector"
local a, b = vec(1, 2), vec(3, 4)
print(tostring(a + b), tostring(a - b), a * b, tostring(2 * a), tostring(a * 3))
print(a / b, a % b, a ^ b, a // b, a & b, a | b, a ~ b, a << b, a >> b, ~a, #a, a .. b, a .. "s", 1 .. a)
print(a / 1, 1 % a, 2 ^ a, a // 2.5, 1 & a, a | 1, 1 ~ a, a << 1, 1 >> a)
print(tostring(-a), a == b, a == vec(1, 2), a ~= vec(1, 2), a < b, a <= b, a > b, a >= b)
print(a("x"), a("y"))
-- __eq only called for tables of the same type, not for raw-equal
local eqcount = 0
local E = {__eq = function() eqcount = eqcount + 1; return true end}
local e1, e2 = setmetatable({}, E), setmetatable({}, E)
print(e1 == e2, e1 == e1, e1 == 1, eqcount)
print(e1 ~= e2, eqcount)
-- __lt for mixed
print(pcall(function() return a < 1 end))
-- __index chain
local base = {greet = function(self) return "hello " .. self.name end}
local mid = setmetatable({}, {__index = base})
local obj = setmetatable({name = "obj"}, {__index = mid})
print(obj:greet())
-- __newindex
local store = {}
local proxy = setmetatable({}, {__newindex = store, __index = store})
proxy.a = 10
print(rawget(proxy, "a"), store.a, proxy.a)
local logt = {}
local p2 = setmetatable({}, {__newindex = function(t, k, v) logt[#logt+1] = k; rawset(t, k, v * 2) end})
p2.x = 1; p2.x = 5; p2.y = 2
print(p2.x, p2.y, table.concat(logt, ","))
-- __index on strings and numbers fail
print(pcall(function() return (1).x end))
-- __len and # on tables with metatable
local L = setmetatable({1, 2, 3}, {__len = function() return 42 end})
print(#L, rawlen(L))
-- __concat chain
local C = setmetatable({}, {__concat = function(a, b)
  local av = type(a) == "table" and "C" or a
  local bv = type(b) == "table" and "C" or b
  return av .. bv end})
print("a" .. C .. "b", C .. 1 .. 2, 1 .. 2 .. C)
-- __close, __gc are ignored here; __mode weak tables
-- __tostring and __name
local named = setmetatable({}, {__name = "MyType"})
print((tostring(named):gsub("0x%x+", "ADDR"):gsub(": [%x]+$", ": ADDR")))
print(tostring(setmetatable({}, {__tostring = function() return "TS" end})))
print(pcall(tostring, setmetatable({}, {__tostring = function() return 1 end})))
-- rawequal, rawlen, rawget, rawset
print(rawequal(a, a), rawequal(a, vec(1, 2)), rawlen({1, 2}), rawlen("abc"))
-- __index with rawget falls back
local dflt = setmetatable({}, {__index = function(t, k) return k * 2 end})
print(dflt[21], dflt[1.5])
-- __unm / __bnot on strings convertible
print(-"2", - "2.5", pcall(function() return ~"3" end))
-- metamethods on numbers via string coercion
print("10" + 5, "3" * "4", 10 .. 20, "2" ^ 2, "7" // 2, "7.0" % 2)
-- __le falling back to not __lt is gone in 5.4
local onlylt = setmetatable({}, {__lt = function() return true end})
print(pcall(function() return onlylt <= onlylt end))
-- __index depth
local t = {}
for i = 1, 50 do t = setmetatable({}, {__index = t}) end
print(t.nothing)
-- __call with extra args and nested __call
local c1 = setmetatable({}, {__call = function(self, ...) return select('#', ...), ... end})
print(c1(1, 2, 3))
-- inherited __eq on different metatables
local mta = {__eq = function() return true end}
local mtb = {__eq = function() return false end}
print(setmetatable({}, mta) == setmetatable({}, mtb), setmetatable({}, mtb) == setmetatable({}, mta))
-- __div by zero with ints via metatable? plain
print(7 // 0.0, -7 // 0.0, 0/0 ~= 0/0, 7 % math.huge, -7 % math.huge)
-- __index on missing method call
local ok, m = pcall(function() local o = setmetatable({}, {__index = {}}); o:missing() end)
print(ok, m)
