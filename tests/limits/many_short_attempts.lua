-- limit-args: --fuel 3000000
-- limit-status: 3
-- limit-stderr: out of fuel
-- Patterns that fail after a step or two at every start position of a long
-- subject: each attempt is charged, and find, gmatch and gsub stop between two
-- attempts when the fuel is gone (a step cannot do unmetered work).
local s = string.rep("a", 4000000)
for _ = 1, 1000 do
  assert(s:find(".b") == nil)
  for _ in s:gmatch("%f[b]") do end
  local r = s:gsub(".b", "")
end
print("not reached")
