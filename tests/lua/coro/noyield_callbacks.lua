-- Library functions that call Lua back the way Lua 5.4 does with lua_call
-- (sort comparators and __lt, gsub replacements, __tostring for tostring,
-- print and format, __index/__newindex/__len for ipairs and the table
-- functions, string arithmetic metamethods, math.min/max's __lt, load's reader,
-- require's loader) run their callee unable to yield: a yield there is
-- "attempt to yield across a C-call boundary". pcall, dofile and __pairs stay
-- yieldable, as do metamethods called from Lua code.
local function try(name, f)
  local co = coroutine.wrap(function() local ok, e = pcall(f) return "done", ok, e end)
  local r = {pcall(co)}
  print(name, r[1], r[2], r[3], r[4])
end
local function y() coroutine.yield("y") end
try("sort", function() table.sort({3, 1, 2}, function(a, b) y() return a < b end) end)
try("sort_lt", function()
  local mt = {__lt = function(a, b) y() return a.v < b.v end}
  local t = {setmetatable({v = 2}, mt), setmetatable({v = 1}, mt)}
  table.sort(t) return t[1].v end)
try("sort_len", function() table.sort(setmetatable({}, {__len = function() y() return 0 end})) end)
try("gsub_f", function() return (string.gsub("abc", "%w", function(c) y() return c end)) end)
try("gsub_t", function() return (string.gsub("abc", "%w", setmetatable({}, {__index = function() y() end}))) end)
try("tostring", function() return tostring(setmetatable({}, {__tostring = function() y() return "x" end})) end)
try("format", function() return string.format("%s", setmetatable({}, {__tostring = function() y() return "x" end})) end)
try("print", function() print(setmetatable({}, {__tostring = function() y() return "x" end})) end)
try("load", function() local n = 0 return load(function() n = n + 1 y() if n == 1 then return "return 1" end end) end)
try("insert", function()
  local t = setmetatable({}, {__newindex = function(t, k, v) y() rawset(t, k, v) end})
  table.insert(t, 1) return #t end)
try("concat", function()
  return table.concat(setmetatable({}, {__index = function() y() return "a" end, __len = function() return 2 end})) end)
try("unpack", function() return table.unpack(setmetatable({}, {__index = function(t, i) y() return i end}), 1, 2) end)
try("ipairs", function()
  for i, v in ipairs(setmetatable({}, {__index = function(t, i) if i < 3 then y() return i end end})) do end return 1 end)
try("strarith", function()
  local mt = getmetatable("")
  local old = mt.__index
  return pcall(function() return "10" + setmetatable({}, {__add = function() y() return 1 end}) end) end)
try("max", function()
  local mt = {__lt = function(a, b) y() return true end}
  return math.max(setmetatable({}, mt), setmetatable({}, mt)) end)
try("require", function()
  package.preload.noyield_mod = function() y() return {} end
  return require("noyield_mod") end)
-- still yieldable: metamethods from Lua code, __pairs, pcall
try("index_mm", function() return setmetatable({}, {__index = function() y() return 1 end}).x end)
try("concat_mm", function() return setmetatable({}, {__concat = function() y() return "c" end}) .. "x" end)
try("pairs_mm", function()
  for k in pairs(setmetatable({}, {__pairs = function(t) y() return next, {}, nil end})) do end return 1 end)
try("pcall", function() return pcall(y) end)
-- isyieldable inside a comparator, and after errors unwound through one
local co = coroutine.wrap(function()
  local inside
  table.sort({2, 1}, function(a, b) inside = coroutine.isyieldable() return a < b end)
  print("isyieldable in comparator", inside, "after", coroutine.isyieldable())
  print(pcall(table.sort, {2, 1, 3}, function() error("cmp failed") end))
  print("after an error", coroutine.isyieldable())
  table.sort({2, 1}, function(a, b) print("pcall inside", pcall(coroutine.yield, 1)) return a < b end)
  coroutine.yield("yielded after the sorts")
  return "end"
end)
print(co())
print(co())
-- xpcall's message handler runs unable to yield (an error there is "error in
-- error handling"), and says so through isyieldable
local co2 = coroutine.wrap(function()
  print(xpcall(error, function(m) coroutine.yield("y") return m end, "e"))
  print(xpcall(error, function(m) return coroutine.isyieldable() end, "e"))
  print(xpcall(error, function(m) local ok, e = pcall(coroutine.yield, 1) return e end, "e"))
  coroutine.yield("after")
  return "end"
end)
print(co2()) print(co2())
