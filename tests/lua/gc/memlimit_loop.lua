-- piccolo-args: --memory-limit 8M
-- Provokes "not enough memory" (under piccolo's 8 MiB limit) and catches it
-- with pcall 1,000 times; the state stays usable. The output is the same
-- whether or not the limit is hit (lua5.4 runs without one).
local function hog()
  local t = {}
  for i = 1, 1e6 do t[i] = {i, tostring(i)} end   -- well over 8 MiB
  return #t
end

local ok_or_mem = 0
for i = 1, 1000 do
  local ok, err = pcall(hog)
  if ok or err == "not enough memory" then
    ok_or_mem = ok_or_mem + 1
  else
    print("unexpected", err)
  end
  if i % 10 == 0 then
    -- the state works: strings, tables, closures
    local s = string.rep("ab", 100)
    local u = {}
    for j = 1, 100 do u[j] = s .. j end
    assert(#u == 100 and u[100] == s .. "100")
  end
end
print("iterations", ok_or_mem)
print("done")
