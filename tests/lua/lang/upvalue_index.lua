-- Upvalue tables indexed by a register key (GETTABUPR/SETTABUPR): reads and
-- writes, metamethods (functions, tables, yields inside them), errors naming
-- the upvalue, multiple assignment conflicts, and evaluation order.
local a = {10, 20, 30}
local s = "x"
local function f(i) return a[i], a[i + 1] end
local function g(i, v) a[i] = v end
print(f(1))
g(2, 99) print(f(2))
local function h(k) a[k] = a[k] or 0; a[k] = a[k] + 1; return a[k] end
print(h("z"), h("z"), h(1.5), h(true), h(2^53))
print(pcall(h, nil))
print(pcall(h, 0/0))
local b
local function bad(i) return b[i] end
print(pcall(bad, 1))
local function bad2(i) b[i] = 1 end
print(pcall(bad2, 1))
print(pcall(function(i) return s[i] end, 1))
print(pcall(function(i) return a[i].x.y end, 3))

local mt = setmetatable({}, {
  __index = function(t, k) return k * 2 end,
  __newindex = function(t, k, v) rawset(t, k, v + 1) end })
local function m(k) mt[k] = k; return mt[k], mt[k + 100] end
print(m(5))
local base = { hello = "world" }
local chain = setmetatable({}, { __index = setmetatable({}, { __index = base }) })
local function ch(k) return chain[k] end
print(ch("hello"), ch("nope"))
local proxy = setmetatable({}, { __newindex = base })
local function px(k, v) proxy[k] = v end
px("new", 1) print(base.new, rawget(proxy, "new"))

-- a yield inside __index / __newindex called from these instructions
local ymt = setmetatable({}, {
  __index = function(t, k) return coroutine.yield(k) end,
  __newindex = function(t, k, v) rawset(t, k, coroutine.yield(v)) end })
local co = coroutine.wrap(function(k)
  local v = ymt[k]
  ymt[k] = v
  return rawget(ymt, k)
end)
print(co("key"), co("got"), co("stored"))

local c = {}
local function swap(i, j) c[i], c[j] = c[j], c[i] end
c[1], c[2] = "a", "b"; swap(1, 2); print(c[1], c[2])
local function conflict(i) a[i], a = 5, {}; return a end
local old = a
print(#conflict(1), old[1])
local n = 1
local function conflict2() a[n], n = 7, 2 end
conflict2() print(a[1], a[2], n)

-- the key is evaluated before the table is read
local log = {}
local t1 = {}
local function key() log[#log + 1] = "key"; return 1 end
local function get() return t1[key()] end
t1[1] = "one"
print(get(), table.concat(log, ","))
local sum = 0
local arr = {}
for i = 1, 100 do arr[i] = i end
local function total() local s = 0; for i = 1, #arr do s = s + arr[i] end; return s end
print(total())
collectgarbage()
print(total(), a[1], mt[3])

-- method calls on upvalues
local Point = {}
Point.__index = Point
function Point.new(x, y) return setmetatable({ x = x, y = y }, Point) end
function Point:norm2() return self.x * self.x + self.y * self.y end
local p = Point.new(3, 4)
local text = "hello"
local function methods(i) return p:norm2(), text:byte(i), text:upper(), text:sub(i, i + 1) end
print(methods(2))
local nothing
print(pcall(function() return nothing:method() end))
print(pcall(function() return p:missing() end))
print(pcall(function() return text:nomethod() end))
