-- The longest __index/__newindex chains: lua5.4 follows 2000 links, each
-- followed by a lookup, so a key in the table 2000 links away is found; a miss
-- there (even where a raw get or set would do) is "chain too long".
local function getchain(n, key)
  local t = {x = "found", [1] = "one"}
  for _ = 1, n do t = setmetatable({}, {__index = t}) end
  local ok, v = pcall(function() return t[key] end)
  return ok and tostring(v) or v:gsub("^.-: ", "")
end
local function setchain(n, present)
  local bottom = present and {y = 0} or {}
  local t = bottom
  for _ = 1, n do t = setmetatable({}, {__newindex = t}) end
  local ok, err = pcall(function() t.y = 1 end)
  return ok and tostring(bottom.y) or err:gsub("^.-: ", "")
end
for _, n in ipairs({1999, 2000, 2001}) do
  print(n, getchain(n, "x"), getchain(n, 1), getchain(n, "absent"))
  print(n, setchain(n, true), setchain(n, false))
end
-- a loop is reported, not followed forever
local a, b = {}, {}
setmetatable(a, {__index = b}); setmetatable(b, {__index = a})
print(pcall(function() return a.k end))
setmetatable(a, {__newindex = b}); setmetatable(b, {__newindex = a})
print(pcall(function() a.k = 1 end))
