-- Generational GC: old suspended coroutines get new values through resume, closures over loop variables and a churning linked list in old tables, across mode switches, stop/restart and step.
collectgarbage("generational")

local sink
local function churn(n)
  for i = 1, n do
    local t = {i, s = "junk" .. i}
    sink = function() return t end
  end
  sink = nil
end

-- each coroutine keeps every value it receives in a local of a deeper frame
local DEPTH = 40
local function worker(first)
  local function level(v, d)
    if d == DEPTH then return v.n + #v.s end
    local nxt = coroutine.yield({d = d, tag = "y" .. d})   -- new table out
    return v.n + #v.s + level(nxt, d + 1)
  end
  return level(first, 1)
end

local cos, expect, outs, fns, efns = {}, {}, {}, {}, {}
local list = {head = nil, n = 0, sum = 0}
local done, total, bad, serial = 0, 0, 0, 0
local function newco(slot)
  serial = serial + 1
  local v = {n = serial, s = "v" .. serial}
  local co = coroutine.create(worker)
  local _, out = coroutine.resume(co, v)
  cos[slot], expect[slot], outs[slot] = co, v.n + #v.s, out
end
for slot = 1, 30 do newco(slot) end
churn(30000)                                -- the coroutines are old now

local function phase(rounds)
  for r = 1, rounds do
    local slot = r % 30 + 1
    serial = serial + 1
    local v = {n = serial, s = "v" .. serial}             -- held only by the coroutine
    expect[slot] = expect[slot] + v.n + #v.s
    local ok, res = coroutine.resume(cos[slot], v)
    if not ok then bad = bad + 1
    elseif coroutine.status(cos[slot]) == "dead" then
      if res ~= expect[slot] then bad = bad + 1 end
      done, total = done + 1, total + res
      newco(slot)
    else
      if outs[slot].tag ~= "y" .. outs[slot].d or res.d ~= outs[slot].d + 1 then bad = bad + 1 end
      outs[slot] = res
    end
    for i = 1, 3 do                                      -- closures over loop variables
      local k = (serial * 3 + i) % 400 + 1
      local cap = {serial, i}
      fns[k] = function() return cap[1] * 10 + cap[2] + i end
      efns[k] = serial * 10 + 2 * i
    end
    list.head = {v = serial, s = "n" .. serial, next = list.head}  -- prepend
    list.n, list.sum = list.n + 1, list.sum + serial
    if list.n > 600 then                                 -- cut the old tail
      local node = list.head
      for _ = 1, 299 do node = node.next end
      local cut = node.next
      node.next = nil
      while cut do list.n, list.sum = list.n - 1, list.sum - cut.v; cut = cut.next end
    end
    if r % 7 == 0 and list.head.next and list.head.next.next then   -- unlink from the middle
      local prev = list.head.next
      local gone = prev.next
      prev.next = gone.next
      list.n, list.sum = list.n - 1, list.sum - gone.v
    end
    churn(40 + r % 37)
  end
  local n, sum, node = 0, 0, list.head
  while node do
    if node.s ~= "n" .. node.v then bad = bad + 1 end
    n, sum, node = n + 1, sum + node.v, node.next
  end
  local fok = 0
  for k = 1, 400 do if fns[k] and fns[k]() == efns[k] then fok = fok + 1 end end
  return string.format("done %d total %d list %s fns %d bad %d",
    done, total, tostring(n == list.n and sum == list.sum), fok, bad)
end

print("gen", phase(2000))
print("to incremental from", collectgarbage("incremental"))
print("inc", phase(2000))
print("to generational from", collectgarbage("generational", 10, 50))
print("gen", phase(2000))
print("again", collectgarbage("generational"))
collectgarbage()
print("step", collectgarbage("step"), collectgarbage("step", 0), collectgarbage("isrunning"))
collectgarbage("stop")
print("stopped", collectgarbage("isrunning"), collectgarbage("step"))
print("stopped", phase(500))
print("switch while stopped", collectgarbage("incremental"), collectgarbage("generational"),
  collectgarbage("isrunning"))
local big = {}
for i = 1, 50000 do big[i] = {i} end
local before = collectgarbage("count")
big = nil
collectgarbage()
print("freed while stopped", collectgarbage("count") < before)
collectgarbage("restart")
print("restarted", collectgarbage("isrunning"), phase(2000))
