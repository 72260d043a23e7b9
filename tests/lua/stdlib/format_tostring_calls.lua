-- string.format's %s with __tostring (a Lua call in the middle of the format
-- loop): the bytes before it kept whether there are none, a few, or more
-- than the buffer's inline area; several calls in one format; errors from
-- it and non-string results. (A yield inside such a __tostring is piccolo's
-- own: lua5.4 refuses it; see tests/lua/coro.)
local mt = { __tostring = function(o) return "<" .. o.name .. ">" end }
local function obj(name) return setmetatable({ name = name }, mt) end
local a, b = obj("a"), obj("b")
print(string.format("%s", a))
print(string.format("x=%s", a))
print(string.format("%s and %s", a, b))
print(string.format("%5s|%-6s|%.2s", a, b, a))
local long = string.rep("z", 700)
local r = string.format(long .. "%s" .. long .. "%s!", a, b)
print(#r, r:sub(698, 706), r:sub(-6))
print(string.format("%d %s %q %s %x", 42, a, "q", b, 255))
print(pcall(string.format, "%s", setmetatable({}, { __tostring = function() return 1 end })))
print(pcall(string.format, "ab%s", setmetatable({}, { __tostring = function() error("boom") end })))
print(pcall(string.format, "%s %s", a))
local n = 0
for i = 1, 1000 do n = n + #string.format("%s-%d-%s", a, i, b) end
print(n)
