-- A chunk that names the debug library keeps reading a `local function`'s
-- own name through its upvalue: debug.setupvalue and debug.upvaluejoin can
-- change what it calls, as in lua5.4.
local function f(n) if n == 0 then return "f" end return f(n - 1) end
print(debug.getupvalue(f, 1) == "f", f(2))
debug.setupvalue(f, 1, function() return "replaced" end)
print(f(2))
local function g(n) if n == 0 then return "g" end return g(n - 1) end
local function other() return "joined" end
local function holder() return other end
debug.upvaluejoin(g, 1, holder, 1)
print(g(3))
