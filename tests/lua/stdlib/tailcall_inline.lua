-- `return f(x)` of the library functions the executor computes itself (math's one-number functions, min and max of two, setmetatable of a fresh table): one result, as the call gives; other arguments still call the function, errors included.
local mt = { __index = { kind = "obj" } }
local function new(v) return setmetatable({ v = v }, mt) end
local function fl(x) return math.floor(x) end
local function mx(a, b) return math.max(a, b) end
local function mn(a, b) return math.min(a, b) end
local function sq(x) return math.sqrt(x) end
local function va(...) return math.max(...) end
local o = new(5)
print(o.v, o.kind, getmetatable(o) == mt, select("#", new(1)))
print(fl(3.7), fl(-3.5), fl(7), math.type(fl(2.0)), sq(16), select("#", fl(1.5)))
print(mx(1, 2), mx(2.5, 1), mn(1, 2), mn(3, 1.5), mx(0/0, 1) ~= mx(0/0, 1), va(4, 9, 2), va(7))
print(select(2, pcall(fl, "x")))
print(select(2, pcall(mx, {}, 1)))
print(type(new()), new().v)
local p = setmetatable({}, { __metatable = "locked" })
local function relock(t) return setmetatable(t, mt) end
print(pcall(relock, p))
local function count(...) return select("#", ...) end
print(count(fl(1.2)), count(mx(1, 2)), count(new(3)))
local s = 0
for i = 1, 50000 do s = s + fl(i / 3) + mx(i % 7, 3) + new(i).v end
print(s)
