-- collectgarbage results: types and shapes, never byte counts.
print(type(collectgarbage("count")), math.type(collectgarbage("count")))
print(collectgarbage("isrunning"))
print(collectgarbage())
print(collectgarbage("collect"))
collectgarbage("stop")
print(collectgarbage("isrunning"))
local before = collectgarbage("count")
local t = {}
for i = 1, 10000 do t[i] = {i} end
print("grew while stopped", collectgarbage("count") > before)
t = nil
collectgarbage()  -- a full collection works while stopped
print("collected while stopped", collectgarbage("count") < before + 100)
print(collectgarbage("isrunning"))
collectgarbage("restart")
print(collectgarbage("isrunning"))

-- step: returns true when a cycle completes
-- (lua5.4.4 answers false to a basic step even at a cycle's end, so only the
-- type of its answer is compared)
print(type(collectgarbage("step")), type(collectgarbage("step", 0)))
print("huge step completes a cycle", collectgarbage("step", 1000000))
local done = false
for i = 1, 1000 do
  if collectgarbage("step", 100) then done = true; break end
end
print("big steps finish", done)

-- modes
print(collectgarbage("incremental"))
print(collectgarbage("incremental", 200, 100, 13))
print(collectgarbage("incremental"))
print(type(collectgarbage("setpause", 200)), type(collectgarbage("setstepmul", 100)))
print(collectgarbage("setpause", 200), collectgarbage("setstepmul", 100))
print(pcall(collectgarbage, "bogus"))

-- count goes down after dropping a big structure
local big = {}
for i = 1, 20000 do big[i] = {tostring(i)} end
local c1 = collectgarbage("count")
big = nil
collectgarbage()
print("count drops", collectgarbage("count") < c1)

-- the collector reclaims while the program runs (no explicit collect)
collectgarbage()
local base = collectgarbage("count")
local peak = base
for i = 1, 200000 do
  local x = {i, i + 1, tostring(i)}
  if i % 1000 == 0 then
    local c = collectgarbage("count")
    if c > peak then peak = c end
  end
end
print("bounded", peak < base + 20000)
