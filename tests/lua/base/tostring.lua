-- tostring on every basic type (addresses are masked).
local function mask(s) return (s:gsub("0x%x+", "ADDR"):gsub(": %x+$", ": ADDR")) end
print(tostring(nil), tostring(true), tostring(false), tostring(12), tostring(-1.5))
print(tostring("s"), tostring(1e100), tostring(2^63), tostring(-0.0))
print(mask(tostring({})), mask(tostring(print)), mask(tostring(function() end)))
print(mask(tostring(coroutine.create(print))))
print(pcall(tostring))
print(tostring(1, 2), select("#", tostring(nil)))
print(type(tostring({})) == "string", tostring({}) ~= tostring({}))
local t = {}
print(tostring(t) == tostring(t))

-- a __tostring returning a number: tostring gives the number as a string
local numobj = setmetatable({}, {__tostring = function() return 42 end})
print(math.type(tostring(numobj)), type(tostring(numobj)), tostring(numobj) .. "!")
local fltobj = setmetatable({}, {__tostring = function() return 1.5 end})
print(type(tostring(fltobj)), tostring(fltobj), string.format("%s|%5s", numobj, fltobj))
print(pcall(tostring, setmetatable({}, {__tostring = function() return {} end})))
