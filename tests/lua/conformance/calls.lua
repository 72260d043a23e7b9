-- calls: functions, varargs, tail calls, method calls, deep recursion
local function fact(n) if n == 0 then return 1 else return n * fact(n-1) end end
print(fact(5), fact(20))
local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end
print(fib(20))
-- type and select
print(type(1), type("a"), type({}), type(nil), type(print), type(true), type(2.5))
print(select('#'), select('#', nil), select(2, "a", "b", "c"))
print(select(-1, "a", "b", "c"), select(-3, "a", "b", "c"))
print(pcall(select, 0, 1))
print(pcall(select, -4, 1, 2, 3))
-- tail calls don't grow the stack
local function deep(n) if n > 0 then return deep(n-1) else return "done" end end
print(deep(200000))
local function deep2(n, acc) if n == 0 then return acc end return deep2(n-1, acc+1) end
print(deep2(100000, 0))
-- methods
local obj = {v = 10}
function obj:get(x) return self.v + (x or 0) end
function obj.static(x) return x * 2 end
print(obj:get(), obj:get(5), obj.static(4), obj.get(obj, 1))
local a = {b = {c = {}}}
function a.b.c.f1(x) return x+1 end
function a.b.c:f2(x, y) self[x] = y end
print(a.b.c.f1(4))
a.b.c:f2('k', 12); print(a.b.c.k)
-- many params and returns
local function ret(...) return ... end
print(ret(1, 2, 3, nil, nil))
print((ret(1, 2, 3)))
local function many() return 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20 end
print(many())
print(select('#', many()))
local t = {many()}
print(#t, t[20])
t = {many(), many()}
print(#t)
t = {(many())}
print(#t)
-- call with string and table args
local function id(x) return x end
print(id"str", id[[long]], type(id{}))
print(("x"):rep(3), #id{1,2,3})
-- closures as args
local function apply(f, ...) return f(...) end
print(apply(math.max, 3, 9, 2), apply(string.rep, "ab", 3, "-"))
-- recursion through upvalue
local function even(n) if n == 0 then return true end local function odd(m) return not even(m) end return odd(n-1) end
print(pcall(even, 10))
-- deep non-tail recursion
local function depth(n) if n == 0 then return 0 end return 1 + depth(n-1) end
print(depth(10000))
-- stack overflow caught
local function inf(n) return 1 + inf(n+1) end
local ok, msg = pcall(inf, 1)
print(ok, string.find(msg, "stack overflow") ~= nil)
-- calling non-functions
print(pcall(nil))
local ok2, e2 = pcall(function() local x = {} ; x.y.z = 1 end)
print(ok2, e2)
local ok3, e3 = pcall(function() local u; u() end)
print(ok3, e3)
-- __call
local callable = setmetatable({}, {__call = function(self, a, b) return a + b, self end})
local s, me = callable(3, 4)
print(s, me == callable)
print((select(2, pcall(callable, 1, 2))))
-- varargs and table.unpack
print(table.unpack({1, 2, 3}))
print(table.unpack({1, 2, 3}, 2))
print(table.unpack({1, 2, 3}, 2, 5))
print(select('#', table.unpack({}, 1, 0)))
-- function returning functions
local function adder(a) return function(b) return a + b end end
print(adder(3)(4), adder(1.5)(1))
-- string methods via metatable
local str = "hello"
print(str:upper(), str:len(), ("%d"):format(42))
