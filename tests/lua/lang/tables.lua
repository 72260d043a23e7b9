-- Table constructors, length, field access, nested tables, integer/float keys.
local t = {1, 2, 3, [10] = "ten", x = "ex", ["y z"] = true, [1.5] = "f"}
print(#t, t[10], t.x, t["y z"], t[1.5])
local u = {[1] = "a", "b"}
print(u[1])
local v = {n = {m = {k = "deep"}}}
print(v.n.m.k, v["n"]["m"].k)
v.n.m.k = "changed"
print(v.n.m.k)
local w = {}
for i = 1, 100 do w[i] = i * i end
print(#w, w[50])
w[#w] = nil
print(#w)
local e = {f = function() return "called" end}
print(e.f(), e["f"]())
print(rawlen({1, 2, nil, 4}) >= 2, #{n = 1}, #{})
local key = {}
local m = {[key] = "table key", [true] = "bool key"}
print(m[key], m[true], m[{}])
local s = {"x", "y"; "z", trailing = 1,}
print(#s, s[3], s.trailing)
local big = {}
big[2^53] = 1; big[-1] = 2; big[0] = 3
print(big[2^53], big[-1], big[0], #big)
print(pcall(function() local q = {}; q[nil] = 1 end))
print(pcall(function() local q = {}; q[0/0] = 1 end))
print(({})[nil], ({})[0/0])
