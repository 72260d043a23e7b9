local Point = {} Point.__index = Point
function Point.new(x, y) return setmetatable({x = x, y = y}, Point) end
function Point:add(o) return Point.new(self.x + o.x, self.y + o.y) end
function Point.__add(a, b) return a:add(b) end
function Point.__eq(a, b) return a.x == b.x and a.y == b.y end
function Point:__tostring() return "(" .. self.x .. "," .. self.y .. ")" end
local acc = Point.new(0, 0) local one = Point.new(1, 2)
for i = 1, 2000000 do acc = acc + one end
print(tostring(acc), acc == Point.new(2000000, 4000000))
