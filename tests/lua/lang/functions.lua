-- Function definitions and calls: arity adjustment, returns, first-class use.
local function add(a, b) return (a or 0) + (b or 0) end
print(add(), add(1), add(1, 2), add(1, 2, 3))
local function noret() end
print(noret(), select("#", noret()))
local function many() return 1, 2, 3 end
local a = {many()}
print(#a, (many()))
local apply = function(f, ...) return f(...) end
print(apply(math.max, 3, 9, 4), apply(string.upper, "up"))
local function compose(f, g) return function(...) return f(g(...)) end end
print(compose(tostring, add)(2, 3) .. "!")
print(type(print), type(function() end))
local f = function(...) return ... end
print(f"string call", f{1}[1], f[[long]])
