-- Weak tables: __mode "k", "v", "kv" and ephemerons; strings are values and
-- are never removed; entries whose key or value is collected disappear.
local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

-- weak values
local wv = setmetatable({}, {__mode = "v"})
local keep = {}
for i = 1, 10 do
  local o = {}
  wv[i] = o
  if i % 2 == 0 then keep[#keep + 1] = o end
end
wv.s = "a string value"
wv.n = 42
wv[100] = string.rep("x", 100)
collectgarbage()
print("weak v", count(wv), wv.s, wv.n, #wv[100])

-- weak keys
local wk = setmetatable({}, {__mode = "k"})
local kk = {}
for i = 1, 10 do
  local k = {}
  wk[k] = i
  if i <= 3 then kk[i] = k end
end
wk["str"] = {}
collectgarbage()
local sum = 0
for _, v in pairs(wk) do if type(v) == "number" then sum = sum + v end end
print("weak k", count(wk), sum, type(wk.str))

-- weak keys and values
local wkv = setmetatable({}, {__mode = "kv"})
local a, b = {}, {}
wkv[a] = {}
wkv[{}] = b
wkv[a] = b
wkv[1] = {}
wkv.x = "y"
collectgarbage()
print("weak kv", count(wkv), wkv[a] == b, wkv.x)

-- ephemerons: a value referring to its own key does not keep it alive
local eph = setmetatable({}, {__mode = "k"})
do
  for i = 1, 5 do
    local k = {}
    eph[k] = {key = k, i = i}
  end
end
local live = {}
eph[live] = {key = live}
collectgarbage()
print("ephemeron", count(eph), eph[live].key == live)

-- ephemeron chain: k1 -> v1 holds k2 -> v2 holds k3 ...; only the head is rooted
local chain = setmetatable({}, {__mode = "k"})
local head = {}
do
  local k = head
  for i = 1, 20 do
    local nk = {}
    chain[k] = {next = nk, i = i}
    k = nk
  end
end
collectgarbage()
print("chain kept", count(chain))
head = nil
collectgarbage()
print("chain dropped", count(chain))

-- values reachable only through a weak-keyed table with a live key survive
local store = setmetatable({}, {__mode = "k"})
local key = {}
store[key] = {payload = {1, 2, 3}}
collectgarbage()
print("payload", #store[key].payload)

-- a weak table inside a weak table
local outer = setmetatable({}, {__mode = "v"})
outer[1] = setmetatable({{}}, {__mode = "v"})
local inner = outer[1]
collectgarbage()
print("nested", outer[1] == inner, count(inner))

-- many cycles while a weak cache is in use
-- (half of the entries are pinned by a strong table, so they always hit;
-- the others may be collected at any time)
local cache = setmetatable({}, {__mode = "v"})
local pinned = {}
local hits = 0
for i = 1, 2000 do
  local k = i % 50
  local v = cache[k]
  if v then
    hits = hits + 1
    assert(v[1] == k)
  else
    v = {k}
    cache[k] = v
    if k < 25 then pinned[k] = v end
  end
  if i % 500 == 0 then collectgarbage() end
end
print("cache ok", hits >= 975)
print(keep[1] ~= nil, kk[1] ~= nil)
