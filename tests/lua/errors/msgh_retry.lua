-- An error raised by an xpcall message handler is handed to the handler
-- again (Lua's luaG_errormsg), until a call returns or the depth runs out.

-- fails on a table error, succeeds on the string error it then gets
print(xpcall(function() error({code = 42}) end,
             function(e) return "caught: " .. e end))

-- fails twice, then succeeds; the handler sees each new error
local seen = {}
print(xpcall(function() error("first") end, function(e)
  seen[#seen + 1] = type(e) == "string" and e:gsub("^.-:%d+: ", "") or type(e)
  if #seen < 3 then error("again " .. #seen) end
  return "handled after " .. #seen
end))
print(table.concat(seen, " | "))

-- always fails: ends as "error in error handling" after many calls
local calls = 0
print(xpcall(function() error("x") end, function(e) calls = calls + 1; error("no") end))
print(calls > 100)

-- runtime errors in the handler (arithmetic on the error object)
print(xpcall(function() local t = nil; return t.x end, function(e) return e + 1 end))

-- inside a coroutine, and with pcall around it
local co = coroutine.wrap(function()
  return xpcall(function() error(setmetatable({}, {__tostring = function() return "obj" end})) end,
                function(e) return "co: " .. e end)
end)
print(co())
print(pcall(xpcall, function() error(1) end, function(e) return e .. "!" end))

-- a handler that errors with a table keeps being called with it
local n = 0
print(xpcall(function() error("start") end, function(e)
  n = n + 1
  if n < 5 then error({n}) end
  return type(e) == "table" and ("table " .. e[1]) or e
end))
