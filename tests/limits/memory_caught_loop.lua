-- limit-args: --memory-limit 8M
-- limit-stdout: 1000
-- Provoke and catch "not enough memory" 1,000 times; the state stays usable.
local caught = 0
for i = 1, 1000 do
  local ok, err = pcall(function()
    local t = {}
    for j = 1, 1e9 do t[j] = j end
  end)
  if not ok and tostring(err):find("not enough memory") then caught = caught + 1 end
end
print(caught)
