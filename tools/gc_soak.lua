-- gc_soak.lua (tools, manual): the 10 GB soak of the collector. Allocates and
-- drops GB gigabytes (default 10) of short-lived tables and strings with a
-- churning live set of ~1 MB, and checks that the heap reported by
-- collectgarbage("count") peaks within a small multiple of the live set.
-- Too slow for the suite (tests/lua/gc/soak.lua is its 200 MB version).
-- Usage: piccoloc -o /tmp/soak.pci tools/gc_soak.lua &&
--        piccolo --stats /tmp/soak.pci [GB]        (or: lua5.4 tools/gc_soak.lua [GB])
local GB = tonumber(arg and arg[1]) or 10
local TOTAL = GB * 1024 * 1024 * 1024
local live = {}
for i = 1, 2000 do live[i] = {i, tostring(i) .. string.rep("l", 400)} end
collectgarbage()
local base = collectgarbage("count")
local peak = base
local allocated = 0
local i = 0
while allocated < TOTAL do
  i = i + 1
  local s = string.rep("s", 64) .. i
  local t = {i, s, {x = i}, {}}
  allocated = allocated + 400
  if i % 97 == 0 then live[i % 2000 + 1] = {i, s} end
  if i % 4096 == 0 then
    local c = collectgarbage("count")
    if c > peak then peak = c end
  end
  if i % (1 << 24) == 0 then
    print(string.format("%.1f GB allocated, heap %.0f KB, peak %.0f KB", allocated / 2^30, collectgarbage("count"), peak))
  end
end
print(string.format("live set %.0f KB, peak %.0f KB (%.1fx)", base, peak, peak / base))
print(peak < base * 4 + 1024 and "ok" or "peak too high")
