-- __index chains: tables and functions, rawget bypass, depth of chains.
local base = {greet = "hello", n = 1}
local mid = setmetatable({mid = true}, {__index = base})
local top = setmetatable({}, {__index = mid})
print(top.greet, top.mid, top.missing, rawget(top, "greet"))
local calls = 0
local lazy = setmetatable({}, {__index = function(t, k) calls = calls + 1; return k .. "!" end})
print(lazy.a, lazy[1], lazy.a, calls)
local fnchain = setmetatable({}, {__index = setmetatable({}, {__index = function(_, k) return "fn:" .. tostring(k) end})})
print(fnchain.x, fnchain[2])
-- long chain
local t = {value = "bottom"}
for i = 1, 50 do t = setmetatable({}, {__index = t}) end
print(t.value)
-- __index on a non-table value through debug.setmetatable is not needed; strings:
print(("abc").len == string.len, ("abc").nosuch)
-- __index sees the original table as first argument
local orig
local p = setmetatable({}, {__index = function(tbl, k) orig = tbl; return 1 end})
local _ = p.z
print(orig == p)
