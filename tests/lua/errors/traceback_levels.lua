-- debug.traceback around the 10 + 11 levels lauxlib keeps, from xpcall
-- handlers and direct calls, with a level argument.
local function f(n, lvl)
  if n == 0 then error("x") end
  f(n - 1, lvl)
end
for _, depth in ipairs({5, 18, 19, 20, 21, 25, 60}) do
  local _, tb = xpcall(f, debug.traceback, depth)
  local lines = select(2, tb:gsub("\n", "\n"))
  print(depth, lines, tb:match("skipping %d+ levels") or "no skip")
  print((tb:gsub("traceback_levels%.[a-z]+", "F")))
end
local function g(n) if n == 0 then return debug.traceback("msg", 2) end return (g(n - 1)) end
print((g(30):gsub("traceback_levels%.[a-z]+", "F")))
