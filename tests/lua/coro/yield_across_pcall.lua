-- Yield across pcall, metamethods and iterators inside coroutines.
local co = coroutine.create(function()
  local ok, v = pcall(function()
    local got = coroutine.yield("from inside pcall")
    error("after resume: " .. got, 0)
  end)
  coroutine.yield(ok, v)
  return "end"
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "R"))
print(coroutine.resume(co))
local mt = {__index = function(t, k) return coroutine.yield(k) end,
            __add = function(a, b) return coroutine.yield("add") end}
local obj = setmetatable({}, mt)
local co2 = coroutine.wrap(function() local v = obj.key; local s = obj + 1; return v, s end)
print(co2())
print(co2("value of key"))
print(co2("sum"))
local co3 = coroutine.wrap(function()
  for k in function(_, c) c = (c or 0) + 1; if c <= 2 then coroutine.yield("iter " .. c) return c end end do end
  return "iter done"
end)
print(co3(), co3(), co3())
local co4 = coroutine.wrap(function()
  return xpcall(function() coroutine.yield("in xpcall"); error("E", 0) end, function(m) return "h:" .. m end)
end)
print(co4())
print(co4())
local sorted = coroutine.wrap(function()
  local t = {3, 1, 2}
  table.sort(t, function(a, b) return a < b end)
  return table.concat(t, ",")
end)
print(sorted())
