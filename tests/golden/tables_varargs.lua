-- Table constructors: NEWTABLE sizes (+EXTRAARG), SETLIST flushes every 50
-- items, a trailing multi-value call stores all its results; varargs and
-- method calls (SELF); tail calls.
local function f(...) return ... end
local t = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
  21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
  41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, x = 1, ["y"] = 2, f(...)}
local obj = {n = 0}
function obj:add(k) self.n = self.n + k; return self end
obj:add(1):add(2)
local a, b, c = ...
return f(t, a, b, c, select("#", ...))
