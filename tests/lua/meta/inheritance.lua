-- Class-style inheritance via __index, super calls and __tostring inheritance.
local Animal = {}
Animal.__index = Animal
Animal.__tostring = function(self) return self.kind .. " " .. self.name end
function Animal.new(name) return setmetatable({name = name, kind = "animal"}, Animal) end
function Animal:speak() return "..." end
function Animal:describe() return self.name .. " says " .. self:speak() end
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
Dog.__tostring = Animal.__tostring
function Dog.new(name) local d = Animal.new(name); d.kind = "dog"; return setmetatable(d, Dog) end
function Dog:speak() return "woof" end
function Dog:describe() return Animal.describe(self) .. "!" end
local a, d = Animal.new("generic"), Dog.new("rex")
print(a:describe(), d:describe())
print(tostring(a), tostring(d))
print(getmetatable(d) == Dog, getmetatable(Dog).__index == Animal, d.speak == Dog.speak)
