-- debug.traceback/getinfo inside frames the stackless executor makes: __close, xpcall handler, gsub callback, wrap, metamethods
local function show(s) print((s:gsub("0x%x+", "ADDR"))) end
do
  local x <close> = setmetatable({}, {__close = function() show(debug.traceback("close")) print(debug.getinfo(1, "n").name, debug.getinfo(1, "n").namewhat) end})
end
print(select(2, xpcall(function() local t = nil; return t.x end, function(m) show(debug.traceback(m, 1)); return debug.getinfo(2, "n").name end)))
string.gsub("ab", "%a", function(c) if c == "a" then show(debug.traceback("gsub")) end end)
local w = coroutine.wrap(function() show(debug.traceback("wrap")) end)
w()
print(pcall(coroutine.wrap(function() show(debug.traceback("pwrap")) end)))
local t = setmetatable({}, {__lt = function(a, b) show(debug.traceback("lt")) return true end, __concat = function() show(debug.traceback("cat")) return "c" end})
print(t < t, t .. "x")
for k, v in next, {1} do show(debug.traceback("next loop")) end
local mt = {__index = function(t, k) return debug.getinfo(2, "l").currentline end}
print(setmetatable({}, mt).foo)
print(select("#", table.unpack({}, 1, 3)))
local ok, e = pcall(error, setmetatable({}, {__tostring = function() return "E" end}))
print(debug.traceback(e) == e)
