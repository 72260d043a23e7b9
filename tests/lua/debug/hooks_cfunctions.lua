-- Call and return hooks of C functions: order, names, depth balance through
-- sort comparators, coroutines, metamethods, pcall/error, hooks set from C.
local b = {}
local function h(x) local f = g1; return f(x) end
function g1(x) return x end
debug.sethook(function (e) table.insert(b, e) end, "cr")
local t = {}
h(false)
local s = math.floor(2.5) + select("#", 1, 2)
for k, v in ipairs({1, 2}) do s = s + v end
debug.sethook()
print(table.concat(b, " "))
local a = {}
debug.sethook(function (e)
  if e == "call" then local f = debug.getinfo(2, "f").func; a[f] = (a[f] or 0) + 1 end
end, "c")
assert(1)
print(string.rep("x", 2))
pcall(error, "e")
debug.sethook()
print(a[assert], a[string.rep], a[print], a[pcall], a[error], a[debug.sethook])
local depth, maxd, names = 0, 0, {}
debug.sethook(function (e)
  if e == "call" or e == "tail call" then depth = depth + 1; if depth > maxd then maxd = depth end
    local i = debug.getinfo(2, "nS"); names[#names + 1] = (i.name or "?") .. ":" .. i.what
  elseif e == "return" then depth = depth - 1 end
end, "cr")
local r = table.concat({("a"):upper(), tostring(12), string.format("%d", 3)}, ",")
local sorted = {3, 1, 2}; table.sort(sorted, function(x, y) return x < y end)
local co = coroutine.wrap(function() coroutine.yield(1) end); co()
debug.sethook()
print(r, depth, maxd, table.concat(names, " "))

local ev = {}
local function rec(e) local i = debug.getinfo(2, "n"); ev[#ev + 1] = e .. ":" .. tostring(i and i.name) end
debug.sethook(rec, "cr")
local ok, err = pcall(error, "boom")
local ok2 = pcall(string.rep)
debug.sethook()
print(ok, err, ok2)
print(table.concat(ev, " "))
-- a hook that errors on a C function's call event
debug.sethook(function (e) if e == "call" and debug.getinfo(2, "f").func == string.upper then error("in hook") end end, "c")
print(pcall(string.upper, "x"))
print(pcall(function() return string.upper("y") end))
debug.sethook()
print(debug.gethook())
-- hooks turned on from inside pcall
local n = 0
pcall(debug.sethook, function (e) n = n + 1 end, "r")
local x = math.abs(-3)
debug.sethook()
print(x, n)
-- metamethods implemented in C (string arithmetic) and __index functions
local cnt = 0
debug.sethook(function (e) cnt = cnt + 1 end, "cr")
local v = "10" + 5
local t = setmetatable({}, {__index = function(_, k) return k end})
local w = t.key
debug.sethook()
print(v, w, cnt)
