-- __close: order, error values, errors inside __close, with coroutines.
local out = {}
local function res(name, fail)
  return setmetatable({}, {__close = function(self, e)
    out[#out + 1] = name .. "(" .. tostring(e) .. ")"
    if fail then error(name .. " failed", 0) end
  end})
end
local function run(f) out = {}; local r = {pcall(f)}; print(table.concat(out, " "), r[1], r[2]) end
run(function() local a <close> = res("a"); local b <close> = res("b") end)
run(function() local a <close> = res("a"); error("E", 0) end)
run(function() local a <close> = res("a"); local b <close> = res("b", true) end)
run(function() local a <close> = res("a", true); local b <close> = res("b", true); error("orig", 0) end)
local co = coroutine.create(function()
  local x <close> = res("co")
  coroutine.yield(1)
end)
out = {}
print(coroutine.resume(co))
print(coroutine.close(co), table.concat(out, " "))
print(coroutine.status(co))
