-- Field names around the short-string limit (40 bytes): up to 40 they are
-- GETFIELD/SETFIELD/GETTABUP/SETTABUP constants, looked up as interned
-- strings; from 41 on the key goes through a register. Reads, writes,
-- globals, methods, __index/__newindex and keys made at run time must agree.
local n39 = string.rep("a", 39)
local n40 = string.rep("b", 40)
local n41 = string.rep("c", 41)
local t = {}
t.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa = 39
t.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb = 40
t.ccccccccccccccccccccccccccccccccccccccccc = 41
print(t[n39], t[n40], t[n41])
t[n40] = "forty"; t[n41] = "forty-one"
print(t.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb, t.ccccccccccccccccccccccccccccccccccccccccc)
-- the same names made by concatenation (a long string key and a short one)
print(t[string.rep("b", 20) .. string.rep("b", 20)], t[string.rep("c", 20) .. string.rep("c", 21)])
-- globals
bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb = "g40"
ccccccccccccccccccccccccccccccccccccccccc = "g41"
print(_ENV[n40], _ENV[n41], bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb, ccccccccccccccccccccccccccccccccccccccccc)
-- methods and metamethods
local class = {}
class.__index = class
function class:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb() return "m40 " .. self.v end
function class:ccccccccccccccccccccccccccccccccccccccccc() return "m41 " .. self.v end
local obj = setmetatable({v = 1}, class)
print(obj:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb(), obj:ccccccccccccccccccccccccccccccccccccccccc())
local seen = {}
local spy = setmetatable({}, {
  __index = function(_, k) return #k end,
  __newindex = function(_, k, v) seen[#seen + 1] = #k .. "=" .. tostring(v) end,
})
spy.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb = 1
spy.ccccccccccccccccccccccccccccccccccccccccc = 2
print(spy.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, spy.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb,
      spy.ccccccccccccccccccccccccccccccccccccccccc, table.concat(seen, " "))
-- an error names the field either way
print(pcall(function() return t.nope.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb end))
print(pcall(function() return t.nope.ccccccccccccccccccccccccccccccccccccccccc end))
print(pcall(function() local x = t.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb .. nil end))
