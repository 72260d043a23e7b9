-- string.dump and load: results of loaded functions, upvalues, stripping.
local function add(a, b) return a + b end
local d = string.dump(add)
print(type(d), #d > 0)
local add2 = assert(load(d))
print(add2(2, 3), add2(1.5, 2))

-- binary mode only
print(pcall(load, d, "x", "b") ~= nil, type(load(d, "x", "b")))
print(load(d, "x", "t"))

-- strip keeps behaviour
local f = assert(load(string.dump(add, true)))
print(f(10, 20))

-- varargs and nested closures
local function va(...)
  local n = select('#', ...)
  local function inner(x) return x * n end
  return inner(10), ...
end
local va2 = load(string.dump(va))
print(va2(1, 2, 3))

-- upvalues are fresh; the first one is the globals table
local counter = 0
local function bump() counter = counter + 1; return counter end
local bump2 = load(string.dump(bump))
local ok, msg = pcall(bump2)  -- counter is the globals table: arithmetic on a table
print(ok, (msg:gsub("^.-:%d+: ", "")))
print(bump(), bump())

-- a function whose only upvalue is _ENV sees the globals
gv = 41
local function useg() return gv + 1 end
print(load(string.dump(useg))())

-- first upvalue set to globals even when it is not _ENV
local x = 5
local function ux() return x end
local ux2 = load(string.dump(ux))
print(ux2() == _G)

-- two upvalues: second one nil
local y = 7
local function uxy() return type(x), y end
print(load(string.dump(uxy))())

-- debug.setupvalue on the loaded function (like lua5.4)
local g2 = load(string.dump(uxy))
print(debug.setupvalue(g2, 2, 100), debug.setupvalue(g2, 3, 200))
print(g2())

-- constants of all kinds, long strings, nested functions
local function consts()
  local t = {nil, true, false, 42, -7, 3.25, 1e300, "short", string.rep("long", 30), math.mininteger}
  local s = ""
  for i = 1, 10 do s = s .. tostring(t[i]) .. "," end
  return s
end
print(load(string.dump(consts))() == consts())
print(load(string.dump(consts, true))())

-- recursion through a global, loops, strings with zeros
function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(load(string.dump(fact))(10))
local function zeros() return #"a\0b\0c", "a\0b" == "a\0b" end
print(load(string.dump(zeros))())

-- dumping a loaded main chunk and a dumped function again
local again = load(string.dump(load(string.dump(add))))
print(again(100, 1))
local chunk = load(string.dump(function(...) return select('#', ...) end))
print(chunk(1, nil, 3))

-- C functions cannot be dumped
print(pcall(string.dump, print))
print(pcall(string.dump, string.rep))
print(pcall(string.dump))
print(pcall(string.dump, 1))

-- errors inside a dumped function still carry their message
local function boom() error("boom", 0) end
print(pcall(load(string.dump(boom))))
local function boom2() local t = nil; return t.x end
print((select(2, pcall(load(string.dump(boom2, true))))):match("attempt to index") ~= nil)
