-- limit-args: --memory-limit 32M
-- limit-stdout: ok
-- string.rep, format and concat over the memory limit fail as catchable errors.
local ok, err = pcall(string.rep, "x", 1 << 40)
assert(not ok and (err:find("not enough memory") or err:find("too large")), err)
ok, err = pcall(string.rep, "abc", 100000000)
assert(not ok and err:find("not enough memory"), err)
local big = string.rep("y", 1 << 20)
ok, err = pcall(function()
  local t = {}
  for i = 1, 64 do t[i] = big end
  return table.concat(t)
end)
assert(not ok and err:find("not enough memory"), err)
ok, err = pcall(function() return string.format("%s%s", big:rep(12), big:rep(12)) end)
assert(not ok and err:find("not enough memory"), err)
-- the state stays usable
assert(#string.rep("z", 1000) == 1000)
print("ok")
