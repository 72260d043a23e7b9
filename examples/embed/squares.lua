-- Generates squares through a coroutine, with a pcall'd error in between.
local gen = coroutine.wrap(function()
  for i = 1, 5 do coroutine.yield(i * i) end
end)
local total = 0
for _ = 1, 5 do
  local v = gen()
  print("squares", v)
  for j = 1, 200 do total = total + (j & 1) end
end
local ok, err = pcall(error, "handled")
return "squares", total, ok, err
