-- piccolo-args: --memory-limit 1M
-- load of a dumped function near the memory limit, in generational mode: an
-- emergency collection inside the load may make the half-built function old,
-- and the strings stored into it afterwards must still be seen by later minor
-- collections (its constants exist nowhere else: the dumped function is gone
-- and a full collection frees each load before the next, so every load makes
-- its strings anew). The output is the same whether or not the limit is hit.
collectgarbage("generational")
local d = string.dump(function()
  return "ld00zq",
         "ld01zq",
         "ld02zq",
         "ld03zq",
         "ld04zq",
         "ld05zq",
         "ld06zq",
         "ld07zq",
         "ld08zq",
         "ld09zq",
         "ld10zq",
         "ld11zq",
         "ld12zq",
         "ld13zq",
         "ld14zq",
         "ld15zq",
         "ld16zq",
         "ld17zq",
         "ld18zq",
         "ld19zq",
         "ld20zq",
         "ld21zq",
         "ld22zq",
         "ld23zq",
         "ld24zq",
         "ld25zq",
         "ld26zq",
         "ld27zq",
         "ld28zq",
         "ld29zq",
         "ld30zq",
         "ld31zq",
         "ld32zq",
         "ld33zq",
         "ld34zq",
         "ld35zq",
         "ld36zq",
         "ld37zq",
         "ld38zq",
         "ld39zq"
end)
local WANT = 447730   -- sum over the results of i * (sum of the bytes of result i)
local function check(f)
  local r = {f()}
  local sum = 0
  for i = 1, #r do
    local s = r[i]
    local b = 0
    for j = 1, #s do b = b + s:byte(j) end
    sum = sum + i * b
  end
  return sum == WANT
end
local hog = nil   -- a list, so that no single allocation is large
local cur
local bad, loads = 0, 0
-- one round in a function of its own, so that no stack slot keeps the
-- previous round's function when the full collection runs
local function doround(round)
  cur = nil
  collectgarbage()
  local ok, f = pcall(function()
    hog = {string.rep("x", 400) .. round, hog}
    return load(d)
  end)
  if ok and f then
    cur = f
    loads = loads + 1
  elseif ok or tostring(f):find("not enough memory") then
    for _ = 1, 30 do hog = hog and hog[2] end
  else
    bad = bad + 1
  end
  collectgarbage("step")   -- minor collections (generational steps)
  collectgarbage("step")
  if cur and not check(cur) then bad = bad + 1 end
end
for round = 1, 1000 do doround(round) end
hog = nil
collectgarbage()
print("bad", bad, "last load works", cur ~= nil and check(cur))
