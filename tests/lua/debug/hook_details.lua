-- Details of debug hooks that tools (coverage, debuggers, profilers) rely on,
-- found by Lua 5.4's own db.lua.

-- A return that fires hooks leaves the caller's line as it was: no extra
-- line event in the caller after the return.
do
  local t = {}
  local f = load("do\n  return\nend\n")
  debug.sethook(function(e, l) t[#t+1] = l end, "l"); f(); debug.sethook()
  print(table.concat(t, ","))
  local function g() local x = 1 end
  t = {}
  debug.sethook(function(e, l) t[#t+1] = e .. ":" .. tostring(l) end, "lr"); g(); debug.sethook()
  print(table.concat(t, " "))
  local function g2(a)
    local x = a + 1
    return x
  end
  local function h() return g2(1) end
  t = {}
  debug.sethook(function(e, l)
    local info = debug.getinfo(2, "nS")
    t[#t+1] = e .. ":" .. tostring(l) .. ":" .. tostring(info.name)
  end, "crl")
  local y = h()
  for i = 1, 2 do y = y + g2(i) end
  local s = string.format("%d", y)
  debug.sethook()
  print(table.concat(t, " "))
end

-- A line hook set by a call hook sees the called function's first line
-- (a debugger's "step into"), and levels skip the hook even once it is off.
do
  local function f(a, b) local c = a + b
    return c
  end
  local out = {}
  debug.sethook(function(e)
    debug.sethook(function(e, l)
      debug.sethook()
      local n1, v1 = debug.getlocal(2, 1)
      local n2, v2 = debug.getlocal(2, 2)
      out[#out+1] = table.concat({e, l, n1, v1, n2, v2}, " ")
    end, "l")
  end, "c")
  f(1, 2)
  print(out[1])
end

-- Call and return hooks see the transferred values (getinfo 'r').
do
  local on = false
  local out = {}
  debug.sethook(function(event)
    if not on then return end
    local ar = debug.getinfo(2, "rn")
    local t = {}
    for i = ar.ftransfer, ar.ftransfer + ar.ntransfer - 1 do
      local _, v = debug.getlocal(2, i)
      t[#t + 1] = tostring(v)
    end
    out[#out+1] = table.concat({event, tostring(ar.name), ar.ftransfer, ar.ntransfer, table.concat(t, " ")}, " ")
  end, "cr")
  on = true; math.sin(3); on = false
  on = true; select(2, 10, 20, 30, 40); on = false
  local function foo (a, ...) return ... end
  local function foo1 () on = not on; return foo(20, 10, 0) end
  foo1(); on = false
  local function many(x) return x, x * 2, x * 3 end
  on = true; local _ = many(5); on = false
  on = true; debug.sethook()
  print(table.concat(out, "\n"))
  local ar = debug.getinfo(1, "r")
  print("outside a hook", ar.ftransfer, ar.ntransfer)
end

-- An error in a hook propagates from the hook: its traceback shows it.
do
  local ok, tb = xpcall(function()
    debug.sethook(function() debug.sethook(); error("boom") end, "l")
    local x = 1
    return x
  end, debug.traceback)
  debug.sethook()
  print(ok, tb:match("boom") ~= nil, tb:find("in hook", 1, true) ~= nil,
        tb:find("in function 'error'", 1, true) ~= nil)
  -- hooks work again afterwards
  local n = 0
  debug.sethook(function() n = n + 1 end, "l")
  local y = 1
  debug.sethook()
  print("hooks after the error", n > 0)
end

-- A function's 'end' line is an active line even after a final return.
do
  local f = function (x)
         local a = 1
         return a
       end
  local t = debug.getinfo(f, "SL")
  local ks = {}
  for k in pairs(t.activelines) do ks[#ks+1] = k - t.linedefined end
  table.sort(ks)
  print(table.concat(ks, ","))
  local g = function () end
  t = debug.getinfo(g, "L")
  ks = {}
  for k in pairs(t.activelines) do ks[#ks+1] = k end
  print(#ks)
end

-- A stripped function dumped again keeps Lua's "=?" source.
do
  local p = load("return function (x) return x end", "=mychunk")
  local f = load(string.dump(p, true))
  local g = load(string.dump(f))
  print(debug.getinfo(f).source, debug.getinfo(g).source, debug.getinfo(g).short_src)
end
