-- Sweeps that free many short strings in a row (the collector frees them a few
-- at a time, after prefetching their intern-table slots): the strings that
-- stay must still be found by interning, the dead ones must be gone, in both
-- collector modes, in full and in step-by-step collections.

local function make(i) return "s" .. i .. ":" .. (i * 7) % 1000 end

local function round(mode, n, keepevery, stepwise)
  collectgarbage(mode)
  local kept = {}
  for i = 1, n do
    local s = make(i)
    if i % keepevery == 0 then kept[#kept + 1] = s end
  end
  if stepwise then
    repeat until collectgarbage("step", 0)
  else
    collectgarbage()
  end
  -- every kept string is found again: same string, usable as the same key
  local byname, found = {}, 0
  for _, s in ipairs(kept) do byname[s] = true end
  for i = keepevery, n, keepevery do
    if byname[make(i)] then found = found + 1 end
  end
  -- strings made again after their first copies died are ordinary strings
  local again = 0
  for i = 1, n, keepevery + 1 do
    local s = make(i)
    if #s > 0 and s == make(i) then again = again + 1 end
  end
  print(mode, stepwise and "steps" or "full", #kept, found, again)
end

round("incremental", 20000, 3, false)
round("incremental", 20000, 2, true)
round("generational", 20000, 3, false)
round("incremental", 20000, 7, true)

-- runs of dead strings between live ones and between other dead objects
collectgarbage("incremental")
local mixed = {}
for i = 1, 30000 do
  local s = "m" .. i
  local t = { s }
  if i % 11 == 0 then mixed[#mixed + 1] = s end
  if i % 13 == 0 then mixed[#mixed + 1] = t end
end
collectgarbage()
collectgarbage()
local ok = 0
for _, v in ipairs(mixed) do
  local s = type(v) == "table" and v[1] or v
  if s == "m" .. tonumber(s:sub(2)) then ok = ok + 1 end
end
print("mixed", #mixed, ok)
