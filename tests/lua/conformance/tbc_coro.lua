-- to-be-closed variables interacting with coroutines, errors and returns
local log = {}
local function L(s) log[#log+1] = s end
local function closer(name) return setmetatable({}, {__close = function(_, e) L(name .. (e and ("!" .. tostring(e):gsub("^.-:%d+: ", "")) or "")) end}) end
-- yield inside a block with tbc; close after resume
local co = coroutine.wrap(function()
  local a <close> = closer("a")
  coroutine.yield(1)
  local b <close> = closer("b")
  coroutine.yield(2)
  return 3
end)
print(co(), co(), co(), table.concat(log, " "))
log = {}
-- __close may yield
local co2 = coroutine.wrap(function()
  do
    local x <close> = setmetatable({}, {__close = function() L("closing"); coroutine.yield("from close"); L("closed") end})
    L("body")
  end
  return "after"
end)
print(co2(), co2(), table.concat(log, " "))
log = {}
-- coroutine.close runs pending closes with no error
local co3 = coroutine.create(function()
  local p <close> = closer("p")
  local q <close> = closer("q")
  coroutine.yield()
end)
coroutine.resume(co3)
print(coroutine.close(co3), table.concat(log, " "))
log = {}
-- error inside coroutine closes variables with error
local co4 = coroutine.create(function()
  local z <close> = closer("z")
  error("boom")
end)
print(coroutine.resume(co4))
print(table.concat(log, " "))
log = {}
-- close error in coroutine.close
local co5 = coroutine.create(function()
  local e <close> = setmetatable({}, {__close = function() error("close err", 0) end})
  coroutine.yield()
end)
coroutine.resume(co5)
print(coroutine.close(co5))
-- multiple closes order with errors chaining
local ok, err = pcall(function()
  local a <close> = setmetatable({}, {__close = function(_, e) L("a got " .. tostring(e)); error("from a", 0) end})
  local b <close> = setmetatable({}, {__close = function(_, e) L("b got " .. tostring(e)); error("from b", 0) end})
  error("orig", 0)
end)
print(ok, err, table.concat(log, " | "))
log = {}
-- return values are preserved through closes
local function rv()
  local c <close> = closer("c")
  return 1, 2, 3
end
print(rv())
print(table.concat(log, " "))
log = {}
-- tail call with tbc is not a tail call
local function tc()
  local d <close> = closer("d")
  return select("#", 1, 2)
end
print(tc(), table.concat(log, " "))
log = {}
-- pcall inside closes
local function nested()
  local o <close> = closer("outer")
  local ok2 = pcall(function()
    local i <close> = closer("inner")
    error("x")
  end)
  L("after pcall " .. tostring(ok2))
end
nested()
print(table.concat(log, " "))
