-- debug.getlocal/setlocal: named locals, temporaries, varargs, parameters, coroutines
local function all(level)
  local out = {}
  local i = 1
  while true do
    local n, v = debug.getlocal(level + 1, i)
    if not n then break end
    if type(v) ~= "table" and type(v) ~= "function" then out[#out + 1] = n .. "=" .. tostring(v) else out[#out + 1] = n end
    i = i + 1
  end
  return table.concat(out, " ")
end
local function f(a, b)
  local c = a .. b
  do local inner = 1; print(all(1)) end
  local d = c
  print(all(1))
  for k = 1, 1 do print(all(1)) end
  for _, v in ipairs({"q"}) do print(all(1)) end
end
f("x", "y")
-- varargs
local function va(x, ...)
  local r = {}
  for i = -1, -5, -1 do
    local n, v = debug.getlocal(1, i)
    r[#r + 1] = tostring(n) .. ":" .. tostring(v)
  end
  print(table.concat(r, " "))
  print(debug.getlocal(1, 0))
end
va(1, "a", nil, 3)
va(1)
local function nova(x) print(debug.getlocal(1, -1)) end
nova(1)
-- parameters of a function value
local function params(p1, p2, ...) local z end
for i = 1, 4 do print(i, debug.getlocal(params, i)) end
print(debug.getlocal(print, 1))
-- C frames: temporaries of a C function
local function sorter(a, b)
  local n, v = debug.getlocal(2, 1)
  print(n, type(v))
  return a < b
end
table.sort({2, 1}, sorter)
-- setlocal
local function sl()
  local a, b = 1, 2
  print(debug.setlocal(1, 2, "B"), debug.setlocal(1, 10, 0))
  return a, b
end
print(sl())
local function changer() debug.setlocal(2, 1, "changed") end
local function victim() local v = "orig"; changer(); return v end
print(victim())
-- errors
print(pcall(debug.getlocal, 100, 1))
print(pcall(debug.setlocal, 100, 1, 1))
print(pcall(debug.getlocal, 1))
print(pcall(debug.setlocal, 1, 1))
-- coroutines
local co = coroutine.create(function(p, ...)
  local q = p + 1
  coroutine.yield()
  print("after", p, q)
end)
coroutine.resume(co, 10, "v1", "v2")
for i = 1, 3 do print(debug.getlocal(co, 1, i)) end
print(debug.getlocal(co, 1, -1), debug.getlocal(co, 1, -2), debug.getlocal(co, 1, -3))
print(debug.setlocal(co, 1, 2, 99))
print(pcall(debug.getlocal, co, 5, 1))
coroutine.resume(co)
