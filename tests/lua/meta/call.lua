-- __call: callable tables, arguments, multiple returns, chained __call.
local C = setmetatable({}, {__call = function(self, a, b) return "called", a, b end})
print(C(1, 2))
print(pcall(C, "p"))
local counter = setmetatable({n = 0}, {__call = function(self) self.n = self.n + 1; return self.n end})
counter(); counter()
print(counter())
local inner = setmetatable({}, {__call = function(_, x, y) return "inner " .. type(x) .. " " .. y end})
local outer = setmetatable({}, {__call = inner})
print(pcall(outer, "y"))
local obj = {m = C}
print(select(3, obj:m("arg")), select(2, obj:m("arg")) == obj)
local function tail() return C("t") end
print(tail())
for _, x in ipairs({C}) do print(x("loop")) end
print(select("#", C()))
