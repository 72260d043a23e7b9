-- object-oriented programs: classes, inheritance, super calls, mixins
local Class = {}
Class.__index = Class
function Class:extend(name)
  local cls = setmetatable({}, self)
  cls.__index = cls
  cls.__name = name
  cls.super = self
  for k, v in pairs(self) do
    if k:find("^__") and k ~= "__index" and k ~= "__name" then cls[k] = v end
  end
  return cls
end
function Class:new(...)
  local o = setmetatable({}, self)
  if o.init then o:init(...) end
  return o
end
local Shape = Class:extend("Shape")
function Shape:init(name) self.name = name; Shape.count = (Shape.count or 0) + 1 end
function Shape:area() return 0 end
function Shape:describe() return string.format("%s with area %.2f", self.name, self:area()) end
Shape.__tostring = function(s) return "Shape<" .. s.name .. ">" end
Shape.__eq = function(a, b) return a:area() == b:area() end
Shape.__lt = function(a, b) return a:area() < b:area() end
Shape.__le = function(a, b) return a:area() <= b:area() end
local Circle = Shape:extend("Circle")
function Circle:init(r) Shape.init(self, "circle"); self.r = r end
function Circle:area() return math.pi * self.r ^ 2 end
local Rect = Shape:extend("Rect")
function Rect:init(w, h) Rect.super.init(self, "rect"); self.w, self.h = w, h end
function Rect:area() return self.w * self.h end
local Square = Rect:extend("Square")
function Square:init(s) Rect.init(self, s, s); self.name = "square" end
local shapes = {Circle:new(1), Rect:new(2, 3), Square:new(2), Circle:new(0.5), Rect:new(1, 4)}
for _, s in ipairs(shapes) do print(s:describe(), tostring(s)) end
table.sort(shapes, function(a, b) return a < b end)
for _, s in ipairs(shapes) do io.write(s.name, " ") end print()
print(Shape.count, shapes[3] == shapes[4], shapes[1] <= shapes[2], Square:new(2) == Rect:new(4, 1))
print(getmetatable(shapes[1]).__name, Square.super == Rect, Rect.super == Shape)
-- mixins
local Comparable = {max = function(self, other) if self < other then return other end return self end}
local function include(cls, mixin) for k, v in pairs(mixin) do cls[k] = v end end
include(Shape, Comparable)
print(Circle:new(2):max(Rect:new(1, 1)).name)
-- closures-based objects
local function Account(balance)
  local self = {}
  function self.deposit(v) balance = balance + v end
  function self.withdraw(v) if v > balance then error("insufficient funds", 2) end balance = balance - v end
  function self.balance() return balance end
  return self
end
local acc = Account(100)
acc.deposit(50); acc.withdraw(30)
print(acc.balance(), pcall(acc.withdraw, 1000))
-- stack/queue classes
local Stack = {}
Stack.__index = Stack
function Stack.new() return setmetatable({n = 0}, Stack) end
function Stack:push(...) for i = 1, select('#', ...) do self.n = self.n + 1; self[self.n] = select(i, ...) end return self end
function Stack:pop() local v = self[self.n]; self[self.n] = nil; self.n = self.n - 1; return v end
Stack.__len = function(s) return s.n end
local st = Stack.new():push(1, 2, 3)
print(#st, st:pop(), st:pop(), #st)
-- __index function with caching
local fibcache = setmetatable({[0] = 0, [1] = 1}, {__index = function(t, n) local v = t[n-1] + t[n-2]; t[n] = v; return v end})
print(fibcache[80], fibcache[90])
-- property accessors
local Prop = {}
Prop.__index = function(t, k) local g = rawget(Prop, "get_" .. k); if g then return g(t) end return rawget(Prop, k) end
Prop.__newindex = function(t, k, v) local s = rawget(Prop, "set_" .. k); if s then s(t, v) else rawset(t, k, v) end end
function Prop.get_full(t) return t.first .. " " .. t.last end
function Prop.set_full(t, v) t.first, t.last = v:match("(%S+) (%S+)") end
local person = setmetatable({first = "Ada", last = "Lovelace"}, Prop)
print(person.full)
person.full = "Alan Turing"
print(person.first, person.last, person.full)
