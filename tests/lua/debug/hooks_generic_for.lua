-- Line and count hooks over generic for loops with ipairs and pairs (whose
-- steps piccolo runs inline, jumping back without dispatching TFORLOOP when
-- no hook is set), a line hook turned on and off inside such a loop, and
-- the loop results themselves.
local t = { 10, 20, 30 }
local h = { a = 1 }
local lines = {}
local function linehook(_, l) lines[#lines + 1] = l end

debug.sethook(linehook, "l")
local s = 0
for i, v in ipairs(t) do
  s = s + i * v
end
for k, v in pairs(h) do
  s = s + v
end
debug.sethook()
print("sum", s, "lines", table.concat(lines, ","))

local count = 0
debug.sethook(function() count = count + 1 end, "", 1)
for _, v in ipairs(t) do s = s + v end
debug.sethook()
print("count events", count > 0, s)

lines = {}
local n = 0
for i, v in ipairs({ 1, 2, 3, 4, 5, 6 }) do
  n = n + v
  if i == 2 then debug.sethook(linehook, "l") end
  if i == 4 then debug.sethook() end
end
print("switched", n, table.concat(lines, ","))

local keys = {}
for k in pairs({ x = 1, y = 2, z = 3 }) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))
local big = {}
for i = 1, 1000 do big[i] = i end
local total = 0
for _, v in ipairs(big) do total = total + v end
for _, v in pairs(big) do total = total + v end
print(total)
