-- load of a string literal on the runtime, which has no parser: piccoloc precompiles the literal texts a program calls load with (the idiom of som.lua in Are We Fast Yet), with chunk names, texts that do not compile (the compiler's message), the loadstring alias, modes, environments, fresh closures, nested loads and a text built at run time equal to a literal
local band = load'--[[band]] return function (a, b) return a & b end'
local bor = load('--[[bor]] return function (a, b) return a | b end')
print(band()(12, 10), bor()(12, 10))
local f = load("return 1 + 1")
print(f(), f == load("return 1 + 1"))
print(load("return ...", "named", "t")(3, 4))
print(load("x = 5; return x", nil, "t", {})(), x)
print(pcall(load, "return 1", nil, "b"))
print(load("return 1", nil, "b"))
local env = {y = 7}
print(load("return y", "=env", "t", env)(), load("return y")())
local g = load("local t = {} return t")
print(g() ~= g())
print(load("return load('return 40 + 2')")()())
print(load("return debug.getinfo(1, 'S').source")())
print(select(2, pcall(load("error('boom')"))))
print(select(2, pcall(load("local t = nil; return t.x"))))
print(load("return +"))
print(load("x = = 1"))
print(load("goto nowhere"))
print(load("\"abc"))
print(pcall(load("return load('local 1')")))
print(load("return " .. "1 + 1")())
local counter = load([[
local n = 0
return function() n = n + 1; return n end
]])()
print(counter(), counter(), counter())
print(load("return 2^10")(), load("return 7 // 2, 7 % 3")())
local loadstring = load   -- Lua 5.1 code's alias
print(loadstring[[return 'aliased']](), loadstring("return 6 + 1")())
