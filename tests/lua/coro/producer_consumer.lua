-- Producer/consumer pipeline with filters, the classic coroutine example.
local function producer(items)
  return coroutine.create(function() for _, v in ipairs(items) do coroutine.yield(v) end end)
end
local function filter(src, pred)
  return coroutine.create(function()
    while true do
      local ok, v = coroutine.resume(src)
      if not v then return end
      if pred(v) then coroutine.yield(v) end
    end
  end)
end
local function map(src, f)
  return coroutine.create(function()
    while true do
      local _, v = coroutine.resume(src)
      if v == nil then return end
      coroutine.yield(f(v))
    end
  end)
end
local pipe = map(filter(producer({1, 2, 3, 4, 5, 6, 7, 8}), function(x) return x % 2 == 0 end), function(x) return x * x end)
local out = {}
while true do
  local _, v = coroutine.resume(pipe)
  if v == nil then break end
  out[#out + 1] = v
end
print(table.concat(out, " "))
-- many coroutines alive at once
local cos = {}
for i = 1, 1000 do cos[i] = coroutine.wrap(function() local s = 0 while true do s = s + i; coroutine.yield(s) end end) end
local total = 0
for round = 1, 3 do for i = 1, 1000 do total = total + cos[i]() end end
print(total)
