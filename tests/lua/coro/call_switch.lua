-- CALL's own coroutine switch (pdo.h picD_fastresume/picD_fastyield): direct calls of coroutine.resume and coroutine.yield, through locals and fields, and of coroutine.wrap functions by CALL and by a generic for, with fixed and variable argument counts, every value count, each condition that leaves the call to the library (errors, stack growth, a fresh or dead coroutine, a hook), and the states a switched coroutine is seen in afterwards
local resume, yield, status, create = coroutine.resume, coroutine.yield, coroutine.status, coroutine.create

-- a generator through a local alias and through the field, one value each way
local co = create(function(a)
  local s = a
  while true do
    s = s + yield(s)
    s = s + coroutine.yield(s * 10)
  end
end)
local out = {}
for i = 1, 6 do
  local ok, v = resume(co, i)
  out[#out + 1] = tostring(ok) .. ":" .. tostring(v)
end
print(table.concat(out, " "))

-- value counts 0 to many, nils in every place, multiple results kept or cut
local echo = create(function(...)
  local t = table.pack(...)
  while true do t = table.pack(yield(table.unpack(t, 1, t.n))) end
end)
print(select("#", resume(echo)))
print(resume(echo, nil))
print(resume(echo, nil, nil, 3))
print(resume(echo, 1, 2, 3, 4, 5, 6, 7, 8))
local x, y = resume(echo, "p", "q", "r")
print(x, y)
print((resume(echo, "only first")))
-- variable argument count (CALL with B = 0) on both sides
local function pass(...) return resume(echo, ...) end
print(pass(table.unpack({ 10, 20, 30 })))
local vco = create(function(...)
  local function back(...) return yield(...) end
  local n = 0
  while true do n = n + select("#", back(n, ...)) end
end)
print(resume(vco, "a", "b"))
print(resume(vco, table.unpack({ 1, 2, 3 })))

-- many values: the other thread's stack must grow (left to the library)
local big = {}
for i = 1, 400 do big[i] = i end
local many = create(function(...)
  local n = select("#", ...)
  local t = table.pack(yield(table.unpack(big)))
  return n, t.n, t[1], t[t.n]
end)
local r = table.pack(resume(many, table.unpack(big, 1, 300)))
print(r.n, r[1], r[2], r[401])
print(resume(many, table.unpack(big)))

-- errors stay the library's, with its messages
print(resume(co, "not a number"))
print(status(co), resume(co, 1))
print(pcall(resume, 42))
print(pcall(resume))
print(pcall(yield, 1))
local selfco
selfco = create(function() return resume(selfco) end)
print(resume(selfco))
local outer
outer = create(function()
  local inner = create(function() return resume(outer) end)
  return resume(inner)
end)
print(resume(outer))
print(status(outer))

-- a yield inside a metamethod and across pcall
local mm = create(function()
  local t = setmetatable({}, { __index = function(_, k) return yield(k) * 2 end })
  return t.field + 1
end)
print(resume(mm))
print(resume(mm, 20))
local pc = create(function()
  local ok, v = pcall(function() return yield("in pcall") + 1 end)
  return ok, v
end)
print(resume(pc))
print(resume(pc, 41))
print(status(pc), resume(pc))

-- wrap's resumer gets the values of a direct yield; status seen from inside
local w
w = coroutine.wrap(function(a)
  local b = yield(a, status(coroutine.running()))
  local c = coroutine.yield(a + b, coroutine.isyieldable())
  return a + b + c
end)
print(w(1))
print(w(2))
print(w(3))

-- a coroutine that resumes another, both switching on CALL
local inner = create(function(v)
  while true do v = yield(v * 2) end
end)
local mid = create(function(v)
  while true do
    local _, d = resume(inner, v)
    print("mid sees", status(inner), d)
    v = yield(d + 1)
  end
end)
for i = 1, 3 do print(resume(mid, i)) end

-- to-be-closed variables across switches, then close
local log = {}
local tbc = create(function()
  local h <close> = setmetatable({}, { __close = function() log[#log + 1] = "closed" end })
  for i = 1, 3 do yield(i) end
  return "end"
end)
print(resume(tbc), resume(tbc))
print(coroutine.close(tbc), status(tbc), log[1])

-- an error after a switch unwinds to the resumer
local bad = create(function()
  yield(1)
  error({ code = 7 })
end)
print(resume(bad))
local ok, e = resume(bad)
print(ok, type(e), e.code, status(bad))
print(resume(bad))

-- a hook in the coroutine: its switches go through the library
local hooked = create(function()
  local n = 0
  for i = 1, 5 do n = n + yield(i) end
  return n
end)
local counted = 0
debug.sethook(hooked, function() counted = counted + 1 end, "", 1)
local last
for i = 1, 6 do last = table.pack(resume(hooked, i)) end
debug.sethook(hooked)
print(last[1], last[2], counted > 0)

-- a suspended coroutine's traceback shows the yield as a C function
local tb = create(function() local function deep() yield() end deep() end)
resume(tb)
print((debug.traceback(tb):gsub("\n%s*", " | ")))

-- many round trips keep the stacks level
local pp = create(function(v) while true do v = yield(v + 1) end end)
local v = 0
for _ = 1, 10000 do _, v = resume(pp, v) end
print(v, status(pp))

-- coroutine.wrap functions called by CALL and by a generic for (TFORCALL)
local gen = coroutine.wrap(function(a, b)
  local x, y = a, b
  while true do x, y = yield(x + y, x * y, "extra") end
end)
print(gen(2, 3))
print(gen(4, 5))
print((gen(1, 1)))
print(select("#", gen(table.unpack({ 7, 8 }))))
local function range(n, step)
  return coroutine.wrap(function()
    for i = 1, n do yield(i * step, -i) end
  end)
end
local acc = {}
for v in range(4, 10) do acc[#acc + 1] = v end
for v, w in range(3, 1) do acc[#acc + 1] = v + w end
for v, w, z in range(2, 5) do acc[#acc + 1] = tostring(z) end
print(table.concat(acc, ","))
-- a wrap function after its coroutine ended, and one whose body raises
local once = coroutine.wrap(function() yield(1) end)
print(once(), once())
print(pcall(once))
local bad2 = coroutine.wrap(function() yield("ok") error("wrapped failure") end)
print(bad2())
print(pcall(bad2))
print(pcall(bad2))
-- a wrap generator driven from inside another coroutine, and resuming itself
local inner2 = range(3, 100)
local outer2 = coroutine.wrap(function()
  for v in inner2 do yield(v + 1) end
  return "done"
end)
print(outer2(), outer2(), outer2(), outer2())
local selfwrap
selfwrap = coroutine.wrap(function() yield(1) return pcall(selfwrap) end)
print(selfwrap())
print(selfwrap())
