-- Where a yield is refused as in lua5.4: inside a finalizer, and inside a
-- __close run by coroutine.close or by a wrap closing after an error; where
-- it is allowed: a __close run at a block's end or by a pcall's unwinding.
-- Also: collectgarbage answers nil to every option inside a finalizer.
local co = coroutine.create(function()
  do setmetatable({}, {__gc = function()
    print("in __gc", coroutine.isyieldable(), pcall(coroutine.yield, "y"))
    print("count in __gc", collectgarbage("count"), collectgarbage("step"))
  end}) end
  collectgarbage()
  return "ret"
end)
print(coroutine.resume(co))

co = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function()
    print("close by coroutine.close", coroutine.isyieldable())
    coroutine.yield("Y")
  end})
  coroutine.yield()
end)
coroutine.resume(co)
print(coroutine.close(co))
print(coroutine.status(co))

local w = coroutine.wrap(function()
  local x <close> = setmetatable({}, {__close = function() coroutine.yield("Y") end})
  error("E", 0)
end)
print(pcall(w))

-- allowed: pcall's unwinding and a block's end
local co2 = coroutine.wrap(function()
  print(pcall(function()
    local x <close> = setmetatable({}, {__close = function()
      print("close by pcall unwinding", coroutine.isyieldable())
      coroutine.yield("Y1")
    end})
    error("E1", 0)
  end))
  do
    local y <close> = setmetatable({}, {__close = function()
      print("close at block end", coroutine.isyieldable())
      coroutine.yield("Y2")
    end})
  end
  return "done"
end)
print(co2())
print(co2())
print(co2())
