-- limit-args: --fuel 2000000
-- limit-status: 3
-- limit-stderr: out of fuel
-- Comparing two equal 1 MiB strings is charged by the bytes compared: a loop
-- of such comparisons runs out of fuel long before it would end.
local a = string.rep("x", 1 << 20)
local b = string.rep("x", (1 << 20) - 1) .. "x"
local n = 0
for i = 1, 1000000 do
  if a == b then n = n + 1 end
end
print("done", n)
