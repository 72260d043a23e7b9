-- iterators: stateless, stateful, closures, generic-for protocol details
local function range(n, step)
  step = step or 1
  return function(_, i) i = i + step; if i <= n then return i end end, nil, 0
end
local r = {}
for i in range(10, 3) do r[#r+1] = i end
print(table.concat(r, " "))
-- generic for evaluates explist once, passes state and control
local calls = 0
local function iter(state, ctl)
  calls = calls + 1
  if ctl < state.max then return ctl + 1, ctl * ctl end
end
for i, sq in iter, {max = 4}, 0 do io.write(i, ":", sq, " ") end
print(calls)
-- loop variable is a copy
for i = 1, 3 do local j = i; i = i * 10; io.write(i, ",", j, " ") end print()
-- extra values from explist are dropped/filled
for a, b, c, d in pairs({x = 1}) do print(a, b, c, d) end
-- iterator returning multiple values
local function triples() local i = 0 return function() i = i + 1; if i <= 2 then return i, i * 2, i * 3 end end end
for a, b, c in triples() do print(a, b, c) end
-- string iterators
local s = "a,b,,c"
local fields = {}
for f in (s .. ","):gmatch("([^,]*),") do fields[#fields+1] = "[" .. f .. "]" end
print(table.concat(fields))
-- modifying table while iterating with next (assign existing keys allowed)
local t = {a = 1, b = 2, c = 3}
for k, v in pairs(t) do t[k] = v * 10 end
print(t.a, t.b, t.c)
-- ipairs over proxies stops at first nil
local sparse = {1, 2, nil, 4}
local n = 0
for _ in ipairs(sparse) do n = n + 1 end
print(n)
-- nested generic fors with closures
local out = {}
for _, a in ipairs{"x", "y"} do
  for _, b in ipairs{1, 2} do
    out[#out+1] = function() return a .. b end
  end
end
for _, f in ipairs(out) do io.write(f(), " ") end print()
-- iterator with __call
local callable_iter = setmetatable({i = 0}, {__call = function(self) self.i = self.i + 1; if self.i <= 3 then return self.i end end})
for v in callable_iter do io.write(v, " ") end print()
-- pairs on table with __index does not see inherited keys
local base = {inherited = true}
local derived = setmetatable({own = true}, {__index = base})
local keys = {}
for k in pairs(derived) do keys[#keys+1] = k end
print(table.concat(keys, ","))
-- numeric loop does not re-evaluate limit
local lim = 3
local cnt = 0
for i = 1, lim do lim = 10; cnt = cnt + 1 end
print(cnt)
-- next over array then hash part in order for arrays
local arr = {10, 20, 30}
local k, v = next(arr)
local seq = {}
while k do seq[#seq+1] = k .. "=" .. v; k, v = next(arr, k) end
print(table.concat(seq, " "))
-- error in iterator propagates
print(pcall(function() for x in function() error("iter fail") end do end end))
print(pcall(function() for x in 42 do end end))
print(pcall(function() for x in nil do end end))
