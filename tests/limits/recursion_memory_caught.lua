-- limit-args: --memory-limit 16M
-- limit-stdout: false	not enough memory
-- limit-stdout: false	not enough memory
-- limit-stdout: false	not enough memory
-- limit-stdout: true
-- limit-stdout: 10
-- Deep recursion that runs out of memory (before "stack overflow") is caught,
-- and the pcall gives the frames and stack back as Lua's does: the script
-- goes on allocating after each one (it once ended with an uncaught "not
-- enough memory" creating the next closure).
local function g() return 1 + g() end
print(pcall(g))
print(pcall(g))
local function h(...) return 1 + h(1, ...) end
print(pcall(h))
print(collectgarbage("count") < 2048)
local caught = 0
for _ = 1, 10 do
  local f = function(...) return 1 + g(...) end
  if not pcall(f) then caught = caught + 1 end
end
print(caught)
