-- Table reads and writes with a register key, which the executor quickens in
-- place once it sees an integer key (GETTABLE/SETTABLE/GETTABUPR/SETTABUPR):
-- each site below is run with integer keys first (array part, hash part,
-- absent) and then with every other kind of key and of indexed value, so the
-- quickened instruction meets them all; results, metamethods, error messages
-- and string.dump must be as before.
local function get(t, k) return t[k] end
local function set(t, k, v) t[k] = v end
local arr = {10, 20, 30}
local keys = {1, 2, 3, 4, 0, -1, 2^53, 1.0, 2.5, "x", true, arr}
for round = 1, 2 do
  local out = {}
  for _, k in ipairs(keys) do out[#out + 1] = tostring(get(arr, k)) end
  print(round, table.concat(out, " "))
end
for i = 1, 3 do set(arr, i, i * 100) end
set(arr, 4, 400); set(arr, 3.0, 333); set(arr, "s", "str"); set(arr, 6, 600)
print(arr[1], arr[2], arr[3], arr[4], arr[5], arr[6], arr.s, #arr)

-- holes and metamethods behind the array part: __index and __newindex run
-- for absent keys whichever way the site was quickened
local log = {}
local proxy = setmetatable({1, nil, 3}, {
  __index = function(t, k) log[#log + 1] = "get " .. tostring(k); return k end,
  __newindex = function(t, k, v) log[#log + 1] = "set " .. tostring(k); rawset(t, k, v) end,
})
for i = 1, 4 do print("proxy", i, get(proxy, i)) end
set(proxy, 1, "one"); set(proxy, 2, "two"); set(proxy, 2, "again"); set(proxy, 5, "five")
print(table.concat(log, ", "), proxy[1], proxy[2], proxy[5])
-- an __index table chain and a string (its metatable's __index) at an integer site
local base = setmetatable({}, {__index = {7, 8, 9}})
for i = 1, 4 do io.write(tostring(get(base, i)), " ") end
print(get("abc", 1), get("abc", "len") == string.len)

-- errors at a quickened site name what they named before
for i = 1, 2 do get(arr, i) end
print(pcall(get, nil, 1))
print(pcall(get, 42, 1))
print(pcall(set, nil, 1, 2))
print(pcall(set, arr, 0 / 0, 1))
print(pcall(set, arr, nil, 1))
local function field(t, i) return t.inner[i] end
print(pcall(field, {inner = {5}}, 1), pcall(field, {}, 1))
local function index2(t, i, j) return t[i][j] end
print(index2({{1, 2}}, 1, 2), pcall(index2, {{1, 2}}, 2, 1))

-- an upvalue table indexed by a register (GETTABUPR/SETTABUPR at -O2)
local up = {}
local function upset(i, v) up[i] = v end
local function upget(i) return up[i] end
for i = 1, 5 do upset(i, i * i) end
upset("k", "v"); upset(2.0, "two"); upset(-3, "neg")
print(upget(1), upget(2), upget(5), upget(6), upget("k"), upget(-3), #up)
up = nil
print(pcall(upget, 1), pcall(upset, 1, 2))
up = setmetatable({}, {__index = function(_, k) return "mm" .. tostring(k) end})
print(upget(1), upget("z"))

-- a sum loop and a swap loop, the shapes the quickening is for
local t = {}
for i = 1, 100 do t[i] = i end
local s = 0
for i = 1, #t do s = s + t[i] end
local i, j = 1, #t
while i < j do t[i], t[j] = t[j], t[i]; i = i + 1; j = j - 1 end
print(s, t[1], t[50], t[100])

-- the same function run by two coroutines, one quickening it
local function sum(tt) local acc = 0 for k = 1, #tt do acc = acc + tt[k] end return acc end
local co = coroutine.wrap(function() coroutine.yield(sum({1, 2, 3})); return sum({4, 5}) end)
print(co(), sum({k = 1}), co())

-- string.dump writes the compiled instructions, not the quickened ones
local function pick(tt, k) return tt[k] end
local before = string.dump(pick)
for k = 1, 3 do pick({1, 2, 3}, k) end
local after = string.dump(pick)
print(#before == #after, before == after)
local reloaded = load(after)
print(reloaded({4, 5, 6}, 2), reloaded({x = 1}, "x"))

-- a count hook sees the same instructions
local count = 0
debug.sethook(function() count = count + 1 end, "", 1)
for k = 1, 3 do get(arr, k) end
debug.sethook()
print(count > 0)
