-- pcall of a Lua function, which CALL sets up itself: argument counts (none, nil, many, open results), error levels, traceback and getinfo through pcall's frame, pcall without arguments, yields inside, nesting
local function f(...) print(select('#', ...), ...) return ... end
print(pcall(f))
print(pcall(f, nil))
print(pcall(f, 1, 2, 3))
local function g() return 4, 5 end
print(pcall(f, g()))
print(pcall(function() error("lvl2", 2) end))
print(pcall(function() local t = debug.traceback("tb", 1); return (t:gsub("0x%x+", "")) end))
print(pcall(function() return debug.getinfo(2, "n").name, debug.getinfo(2, "S").what end))
print(pcall(pcall))
print(pcall(function(...) return select('#', ...) end, nil, nil))
local co = coroutine.wrap(function() return pcall(function() coroutine.yield("in"); return "after" end) end)
print(co(), co())
local function deep(n) if n == 0 then return "bottom" end local ok, v = pcall(deep, n - 1) return v end
print(deep(150))
print(select('#', pcall(function() end)))
