-- string.format("%s", x) takes a short path (strformat.c: it is tostring(x));
-- its results and errors stay those of the format loop and lua5.4.
local mt = {__tostring = function(o) return o.v end}
local function obj(v) return setmetatable({v = v}, mt) end
print(string.format("%s", "a\0b") == "a\0b", #string.format("%s", "a\0b"))
print(string.format("%s", 12), string.format("%s", 1.5), string.format("%s", -0.0), string.format("%s", 2^63))
print(string.format("%s", nil), string.format("%s", true), string.format("%s", false))
print(string.format("%s", obj("x")), string.format("%s", obj(42)), math.type(string.format("%s", obj(42))))
print(pcall(string.format, "%s", obj({})))
print(pcall(string.format, "%s"))
print(pcall(string.format, "%s", obj(nil)))
print(string.format("%s", "x", "extra"), string.format("%s", obj("y"), error), string.format("%s%s", obj("a"), 1), string.format("%5s|%-3s|", obj("b"), "c"))
print(select("#", string.format("%s", 1)))
print(pcall(string.format, "%s", obj(nil)))
local named = setmetatable({}, {__name = "MyType"})
print((string.format("%s", named):gsub("0x%x+", "PTR"):gsub(": [%x]+$", ": PTR")))
print(pcall(string.format, "%s", setmetatable({}, {__tostring = function() error("boom") end})))
print(string.format("%s", coroutine.wrap(function() return 1 end)) ~= nil)
local co = coroutine.wrap(function()
  local o = setmetatable({}, {__tostring = function() coroutine.yield("y") return "t" end})
  return pcall(string.format, "%s", o)
end)
print(co())
