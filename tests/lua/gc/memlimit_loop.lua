-- piccolo-args: --memory-limit 8M
-- Provokes "not enough memory" under piccolo's 8 MiB limit and catches it
-- with pcall 1,000 times; the state stays usable. lua5.4 runs without a
-- limit, so the output is the same whether or not the limit is hit.
local chunk = string.rep("x", 4096)

local function hog(round)
  local t = {}
  for i = 1, 9 do t[i] = chunk:rep(256 + i + round % 7) end   -- ~9 MiB
  if round % 100 == 0 then
    for i = 10, 60000 do t[i] = {i} end                         -- many small blocks
  end
  return #t
end

local caught = 0
for round = 1, 1000 do
  local ok, err = pcall(hog, round)
  if ok or err == "not enough memory" then
    caught = caught + 1
  else
    print("unexpected", err)
  end
  if round % 10 == 0 then
    -- the state still works: strings, tables, closures
    local s = string.rep("ab", 100)
    local u = {}
    for j = 1, 100 do u[j] = function() return s .. j end end
    assert(#u == 100 and u[100]() == s .. "100")
  end
end
print("rounds", caught)
print("done")
