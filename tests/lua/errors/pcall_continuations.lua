-- pcall, xpcall, sort and gsub calling Lua functions and getting their results back: the executor's short paths into C continuations (results of every count, C frames returning into C frames, errors, hooks, finalizers, yields)
local function none() end
local function one(x) return x end
local function many(...) return ... end
print(pcall(none))
print(select('#', pcall(none)))
print(pcall(one, 7))
print(pcall(many, 1, nil, 3, nil))
print(select('#', pcall(many, 1, nil, 3, nil)))
print(pcall(pcall, one, "inner"))            -- a C frame's results into a C frame
print(pcall(pcall, pcall, many, "a", "b"))
print(pcall(pcall, error, "boom"))
print(pcall(error, "plain", 0))
print(xpcall(many, function(m) return "h:" .. m end, 4, 5))
print(xpcall(error, function(m) return "h:" .. tostring(m) end, "x", 0))
-- a loop of protected calls (the fast paths many times over)
local s = 0
for i = 1, 2000 do
  local ok, v = pcall(one, i)
  s = s + v
  if i % 500 == 0 then
    local ok2, e = pcall(function() error({code = i}) end)
    s = s + e.code
  end
end
print("sum", s)
-- nested protected calls 150 deep: results pass back through every level;
-- 3000 deep stops at the C-call limit, caught by the outermost levels
local function nest(n) if n == 0 then return "bottom", n end return pcall(nest, n - 1) end
local r = table.pack(nest(150))
print(r.n, r[1], r[r.n - 1], r[r.n])
r = table.pack(nest(3000))
print(r.n, r[1], r[r.n - 1], r[r.n])
-- sort comparators and gsub functions returning into their C callers
local t = {}
for i = 1, 300 do t[i] = (i * 37) % 301 end
table.sort(t, function(a, b) return a > b end)
print(t[1], t[150], t[300])
print(pcall(table.sort, {3, 1, 2}, function(a, b) error("cmp " .. a .. b, 0) end))
print((("hello world"):gsub("%w+", function(w) return select(2, pcall(string.upper, w)) end)))
print(pcall(string.gsub, "abc", "%w", function(c) if c == "b" then error("at " .. c, 0) end end))
-- a count hook while protected calls return: the driver's path
local hooks = 0
debug.sethook(function() hooks = hooks + 1 end, "", 10)
local hs = 0
for i = 1, 300 do local _, v = pcall(one, i); hs = hs + v end
debug.sethook()
print("hooked sum", hs, hooks > 0)
-- finalizers that become due while a protected call returns
local collected = 0
local mt = {__gc = function() collected = collected + 1 end}
for i = 1, 200 do
  pcall(function() local x = setmetatable({}, mt); if i % 50 == 0 then collectgarbage() end return x end)
end
collectgarbage(); collectgarbage()
print("finalized", collected)
-- yields across pcall inside a coroutine
local co = coroutine.wrap(function()
  local ok, v = pcall(function() local y = coroutine.yield("y1"); return y * 2 end)
  coroutine.yield(tostring(ok) .. ":" .. v)
  return "done"
end)
print(co(), co(21), co())
