-- os.exit(code, true) closes the state as lua_close does: the main thread's
-- pending to-be-closed variables first, innermost first (an error in one is
-- the error argument of the next), then the finalizers; a coroutine's own
-- pending variables are not closed. The exit status is the code.
local function closer(name)
  return setmetatable({}, {__close = function(_, err)
    -- (lua5.4's own message handler adds a traceback to err: first line only)
    print("close " .. name, err and tostring(err):match("^[^\n]*"))
    if name == "middle" then error("middle failed", 0) end
  end})
end
local keep = setmetatable({}, {__gc = function() print("finalizer") end})   -- alive until the close
local outer <close> = closer("outer")
local function f()
  local middle <close> = closer("middle")
  local co = coroutine.wrap(function()
    local incoroutine <close> = closer("in coroutine")
    local function g()
      local inner <close> = closer("inner")
      io.stdout:flush()
      os.exit(3, true)
    end
    g()
  end)
  co()
end
f()
print("not reached")
