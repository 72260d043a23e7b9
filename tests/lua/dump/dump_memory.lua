-- piccolo-args: --memory-limit 2M
-- string.dump and load near the memory limit: memory errors are ordinary
-- errors and the dumper frees its work on every path. The output is the
-- same whether or not the limit is hit (lua5.4 runs without one).
local function big()
  local t = {}
  for i = 1, 100 do t[i] = function(a) return a + i, "const" .. i end end
  return t
end
local hog = nil   -- a list, so that no single allocation is large
local bad = 0
for round = 1, 8000 do
  local ok, n = pcall(function()
    hog = {string.rep("x", 300) .. round, hog}
    local d = string.dump(big, round % 2 == 0)
    if round % 1000 ~= 0 then return 100 end
    local f, msg = load(d)
    if not f then error(msg, 0) end
    return #f()
  end)
  if ok then
    if n ~= 100 then bad = bad + 1 end
  elseif not tostring(n):find("not enough memory") then
    bad = bad + 1
  else  -- free some memory and stay near the limit
    for _ = 1, 40 do hog = hog and hog[2] end
  end
end
hog = nil
collectgarbage()
print(bad, type(string.dump(big)), #load(string.dump(big))())
