-- Generational GC and weak tables: old "k"/"v"/"kv" tables and ephemeron chains get new entries across minor collections; live entries stay, dead ones go at a full collect; recreated strings as keys.
collectgarbage("generational")

local sink
local function churn(n)
  for i = 1, n do
    local t = {i, s = "junk" .. i}
    sink = function() return t end
  end
  sink = nil
end
local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

local wk = setmetatable({}, {__mode = "k"})
local wv = setmetatable({}, {__mode = "v"})
local wkv = setmetatable({}, {__mode = "kv"})
local keep, keepv = {}, {}
churn(30000)                      -- the weak tables and keep are old now

local bad = 0
for i = 1, 4000 do
  local k, v = {id = i}, {val = i}
  wk[k] = v; wv[i] = v; wkv[k] = v    -- v lives only through wk (an ephemeron)
  if i % 4 == 0 then keep[#keep + 1] = k end
  if i % 100 == 0 then wk["s" .. i] = {i}; wv["s" .. i] = "str" .. i end
  if i % 50 == 0 then wkv[i] = i + 1; wkv["n" .. i] = true end
  if i % 5 == 0 then local o = {neg = i}; wv[-i] = o; keepv[#keepv + 1] = o end
  if #keep > 0 then                   -- a new value for an old key
    local ok = keep[i * 7 % #keep + 1]
    local nv = {val = ok.id, round = i}
    wk[ok] = nv; wv[ok.id] = nv; wkv[ok] = nv
  end
  churn(30 + i % 41)
  if i % 500 == 0 then
    for _, kk in ipairs(keep) do
      local x = wk[kk]
      if not (x and x.val == kk.id and wv[kk.id] == x and wkv[kk] == x) then bad = bad + 1 end
    end
    for _, o in ipairs(keepv) do if wv[-o.neg] ~= o then bad = bad + 1 end end
  end
end
collectgarbage()
print("weak k", count(wk), #wk["s4000"], wk.s100[1])
print("weak v", count(wv), wv.s100, wv.s4000)
print("weak kv", count(wkv), wkv[4000], wkv.n50)
print("live checks bad", bad)
keep, keepv = nil, nil
collectgarbage()
print("after drop", count(wk), count(wv), count(wkv))

-- ephemeron chains: each value refers to the next key
local eph = setmetatable({}, {__mode = "k"})
churn(20000)
local first, mid = {}, nil
local k = first
for i = 1, 400 do
  local nk = {}
  eph[k] = {next = nk, n = i}
  if i == 200 then mid = nk end
  k = nk
  churn(50)
end
k = nil
churn(10000)
collectgarbage()
local n, sum, node = 0, 0, first
while eph[node] do n = n + 1; sum = sum + eph[node].n; node = eph[node].next end
print("chain", count(eph), n, sum)
first = nil
collectgarbage()
print("chain from mid", count(eph), eph[mid].n)
mid = nil
collectgarbage()
print("chain gone", count(eph))

-- strings become garbage, are made again with the same text, used as keys
local counts, longs = {}, {}
churn(20000)
for round = 1, 30 do
  for i = 1, 200 do sink = "w" .. (i * round % 211) end  -- garbage strings
  sink = nil
  churn(2000)
  for i = 1, 200, 3 do
    local key = "w" .. (i * round % 211)
    counts[key] = (counts[key] or 0) + 1
    local lk = string.rep("L", 50) .. (i % 17)            -- long strings
    longs[lk] = (longs[lk] or 0) + round
  end
end
churn(20000)
local total, nk = 0, 0
for i = 0, 210 do
  local c = counts["w" .. i]
  if c then total = total + c; nk = nk + 1 end
end
local ltotal = 0
for i = 0, 16 do ltotal = ltotal + (longs[string.rep("L", 50) .. i] or 0) end
print("string keys", nk, count(counts), total, ltotal, count(longs))
