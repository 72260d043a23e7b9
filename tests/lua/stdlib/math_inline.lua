-- math.floor, ceil, abs, sqrt, sin and cos called with one number and one
-- result are computed by the executor's CALL: results, integer/float
-- subtypes, edge values, strings and errors (the call proper), other
-- argument counts, and call hooks, which must still see the calls.
local floor, ceil, abs, sqrt, sin, cos = math.floor, math.ceil, math.abs, math.sqrt, math.sin, math.cos
local vals = {0, -0.0, 1, -1, 2.5, -2.5, 1e300, -1e300, 2^63, -2^63, 2^62, math.maxinteger,
  math.mininteger, 1/0, -1/0, 0/0, 3, -7, 0.1, 9007199254740993, -0.5, 0.5}
for _, v in ipairs(vals) do
  local r = {floor(v), ceil(v), abs(v), sqrt(v), sin(v), cos(v)}
  for i = 1, 6 do r[i] = math.type(r[i]) .. ":" .. string.format("%.14g", r[i]) end
  print(string.format("%.17g", v), table.concat(r, " "))
end
print(pcall(floor, "2.5"))
print(pcall(floor, {}))
print(pcall(abs))
print(floor("3"), sqrt("4"), abs("-2"))
print(select('#', floor(1.5)), (floor(1.5)), floor(2.5, 1), abs(-3, 9))
local t = {floor(1.5), sqrt(16)}
print(t[1], t[2], math.type(t[1]))
local s = 0
for i = -50, 50 do s = s + floor(i / 3) + ceil(i / 4) + abs(i) end
print(s)
local calls = 0
debug.sethook(function() calls = calls + 1 end, "c")
for i = 1, 10 do local _ = floor(i / 2) end
debug.sethook()
print("call events", calls > 10)
local math2 = { floor = function(x) return "mine" .. x end }
print(math2.floor(2), floor(2.7))
