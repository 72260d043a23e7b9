-- Generational GC barriers: new objects stored into old tables (array/hash, overwrites, rawset, table.insert, metatables, globals) and old closures' upvalues survive minor collections.
collectgarbage("generational")

local sink
local function churn(n)   -- garbage: tables, strings and closures
  for i = 1, n do
    local t = {i, i + 1, x = i}
    local s = "junk" .. i
    sink = function() return t, s end
  end
  sink = nil
end

local function mk(i) return {v = i, s = "s" .. i, inner = {i * 2, tag = "t" .. i}} end
local function good(o, i)
  return type(o) == "table" and o.v == i and o.s == "s" .. i
    and o.inner[1] == i * 2 and o.inner.tag == "t" .. i
end

-- old objects: created now, then aged by lots of allocation
local arr, hash, raw, list, meta, moved, words = {}, {}, {}, {}, {}, {}, {}
for j = 1, 100 do arr[j] = false; hash["k" .. j] = false end
local function box()
  local val = mk(0)
  return function() return val end, function(x) val = x end
end
local get, set = box()           -- closed upvalue
local openval = mk(0)            -- open upvalue of the main chunk
local function setopen(x) openval = x end
local chain = nil                -- upvalue rebuilt through an old closure
local function push(i) chain = {prev = chain, v = i, f = function() return i end} end
churn(30000)
collectgarbage("step"); collectgarbage("step")

-- expectations hold numbers only (never references)
local earr, ehash, eraw, eglob = {}, {}, {}, {}
local nchain, chainsum = 0, 0
local lastmeta, lastset, lastopen, lastmove = 0, 0, 0, 0
local bad = 0
local function verify(t, e)     -- pairs order does not matter for a count
  for k, i in pairs(e) do if not good(t[k], i) then bad = bad + 1 end end
end
for i = 1, 3000 do
  local a = i % 100 + 1
  arr[a] = mk(i); earr[a] = i                       -- overwrite array slot
  hash["k" .. (i * 7 % 100 + 1)] = mk(i); ehash["k" .. (i * 7 % 100 + 1)] = i
  hash["n" .. i % 300] = mk(i); ehash["n" .. i % 300] = i   -- new keys
  rawset(raw, i % 50 + 1000, mk(i)); eraw[i % 50 + 1000] = i -- integer keys in the hash
  table.insert(list, mk(i))
  if #list > 400 then table.remove(list, 1) end
  if i % 10 == 0 then table.insert(list, 1, mk(-i)); table.remove(list, 1) end
  local o = arr[i * 13 % 100 + 1]
  if o then o.inner = {o.v * 2, tag = "t" .. o.v} end  -- fresh child of an aged object
  if i % 20 == 1 then setmetatable(meta, {__index = mk(i)}); lastmeta = i end
  if i % 25 == 1 then set(mk(i)); lastset = i end
  if i % 25 == 13 then setopen(mk(i)); lastopen = i end
  _G["g" .. i % 20] = mk(i); eglob["g" .. i % 20] = i
  if i % 4 == 0 then push(i); nchain = nchain + 1; chainsum = chainsum + i end
  if i % 50 == 0 then                               -- table.move into an old table
    local fresh = {}
    for j = 1, 20 do fresh[j] = mk(i + j) end
    table.move(fresh, 1, 20, 1, moved); lastmove = i
  end
  words[i % 64 + 1] = "w" .. (i * 31 % 1000)        -- new strings, sorted in place
  if i % 100 == 0 then table.sort(words) end
  churn(20 + i % 83)
  if not (good(get(), lastset) and good(openval, lastopen) and meta.v == lastmeta
          and meta.inner.tag == "t" .. lastmeta) then bad = bad + 1 end
  if chain and chain.prev and chain.prev.f() ~= chain.prev.v then bad = bad + 1 end
  if i % 100 == 0 then verify(arr, earr); verify(hash, ehash); verify(raw, eraw); verify(_G, eglob) end
end
churn(20000)

local function checkmap(t, e)
  local keys = {}
  for k in pairs(e) do keys[#keys + 1] = k end
  table.sort(keys, function(x, y) return tostring(x) < tostring(y) end)
  local n, sum = 0, 0
  for _, k in ipairs(keys) do
    if good(t[k], e[k]) then n = n + 1; sum = sum + t[k].v else bad = bad + 1 end
  end
  return n, sum
end
print("array", checkmap(arr, earr))
print("hash", checkmap(hash, ehash))
print("rawset", checkmap(raw, eraw))
print("globals", checkmap(_G, eglob))
local ln, lsum = 0, 0
for k, o in ipairs(list) do
  if o.v > 0 and good(o, o.v) then ln = ln + 1; lsum = lsum + o.v else bad = bad + 1 end
end
print("list", ln, lsum, list[1].v, list[#list].v)
local mn = 0
for j = 1, 20 do if good(moved[j], lastmove + j) then mn = mn + 1 end end
table.sort(words)
local sorted = true
for j = 2, #words do if words[j - 1] > words[j] then sorted = false end end
print("table.move", mn, "sort", #words, sorted, words[1], words[#words])
print("metatable", meta.v == lastmeta, meta.s, meta.inner.tag)
print("closed upvalue", good(get(), lastset), get().v)
print("open upvalue", good(openval, lastopen), openval.v)
local cn, csum, node = 0, 0, chain
while node do
  if node.f() ~= node.v then bad = bad + 1 end
  cn = cn + 1; csum = csum + node.v; node = node.prev
end
print("chain", cn == nchain, csum == chainsum, cn, csum)
print("bad", bad)
