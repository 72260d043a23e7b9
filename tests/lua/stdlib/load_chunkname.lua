-- load of a literal text (precompiled by piccoloc) with a chunk name: errors,
-- debug information and nested functions carry the name, as in lua5.4.
print(pcall(load("error('boom')", "=mychunk")))
print(load("return +", "@cfg.lua"))
print(load("x = = 1", "=config"))
print(load("return +", "a very long chunk name that goes on and on and on and on and on and on"))

local f = load("local function g() error('inner') end\nreturn g, function() return debug.getinfo(1, 'S') end", "@lib/util.lua")
local g, info = f()
print(pcall(g))
local i = info()
print(i.source, i.short_src, debug.getinfo(f, "S").source)

-- the same text under other names, and under none: each keeps its own
print(load("return debug.getinfo(1, 'S').short_src, select('#', ...)", "=one")(1, 2))
print(load("return debug.getinfo(1, 'S').short_src, select('#', ...)", "=two")())
print(load("return debug.getinfo(1, 'S').short_src, select('#', ...)")())
print(load("return debug.getinfo(1, 'S').short_src, select('#', ...)", "return debug.getinfo(1, 'S').short_src, select('#', ...)")())
print(load("return debug.getinfo(1, 'S').short_src, select('#', ...)", "=one")(3))

-- with an environment
local env = {y = 7}
local h = load("return y * 6", "=calc", "t", env)
print(h(), debug.getinfo(h, "S").short_src)
print(pcall(load("local t = nil; return t.x", "=idx")))
