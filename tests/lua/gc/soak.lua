-- Soak (suite size): allocates and drops ~200 MB of short-lived tables and
-- strings while keeping a live set of ~1 MB; the heap measured with
-- collectgarbage("count") must stay within a small multiple of the live set
-- (the pause is 200%). bench/gc_soak.lua is the 10 GB manual version.
local TOTAL = 200 * 1024 * 1024
local live = {}
for i = 1, 2000 do live[i] = {i, tostring(i) .. string.rep("l", 400)} end
collectgarbage()
local base = collectgarbage("count")
local peak = base
local allocated = 0
local i = 0
while allocated < TOTAL do
  i = i + 1
  local s = string.rep("s", 64) .. i          -- ~100 bytes
  local t = {i, s, {x = i}, {}}               -- ~300 bytes
  allocated = allocated + 400
  if i % 97 == 0 then live[i % 2000 + 1] = {i, s} end   -- the live set churns too
  if i % 4096 == 0 then
    local c = collectgarbage("count")
    if c > peak then peak = c end
  end
end
if peak < base * 4 + 1024 then print("ok") else print("peak too high", base, peak) end
