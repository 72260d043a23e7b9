-- Metamethods through MMBIN/MMBINI/MMBINK (flipped operands), comparisons
-- with immediates, concatenation and indexing.
local mt = {}
local function V(v) return setmetatable({v = v}, mt) end
local function val(x) return type(x) == "table" and x.v or x end
for _, ev in ipairs({"add", "sub", "mul", "div", "mod", "pow", "idiv",
                     "band", "bor", "bxor", "shl", "shr", "concat"}) do
  mt["__" .. ev] = function(p, q) return ev .. "(" .. tostring(val(p)) .. "," .. tostring(val(q)) .. ")" end
end
mt.__unm = function(p) return "unm" .. val(p) end
mt.__bnot = function(p) return "bnot" .. val(p) end
mt.__len = function(p) return 42 end
mt.__lt = function(p, q) return val(p) < val(q) end
mt.__le = function(p, q) return val(p) <= val(q) end
mt.__eq = function(p, q) return val(p) == val(q) end
mt.__index = function(t, k) return "idx" .. tostring(k) end
local o = V(5)
print(o + 1, 1 + o, o - 1, 1 - o, o * 2.5, 2.5 * o, o / 2, 2 / o)
print(o % 3, 3 % o, o ^ 2, 2 ^ o, o // 2, 2 // o)
print(o & 1, 1 & o, o | 2, 2 | o, o ~ 3, 3 ~ o)
print(o << 1, 1 << o, o >> 1, 1 >> o, o << -1, o >> 200)
print(o .. "s", "s" .. o, 1 .. o, o .. o, -o, ~o, #o)
print(o < 6, 6 < o, o <= 5, 5 <= o, o > 4, 4 > o, o >= 5.0, 5.0 >= o)
print(o == V(5), o ~= V(6), o == 5, o[1], o.x, o["long key name that is longer than forty characters"])
local s = "10"
print(s + 1, 1 + s, s * "2", s // 3, s % 3, -s, "3" ^ 2)
print(pcall(function() return {} + 1 end))
print(pcall(function() return 1 < "x" end))
print(pcall(function() return #nil end))
print(pcall(function() local t = nil; return t.x end))
